package org.wuyi.request;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.notification.PhoneCodes;
import org.wuyi.platform.web.RateLimiter;
import org.wuyi.platform.web.SignedTokens;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;

/**
 * A resident's own request, from the community's public page on a phone (no account): the household's compound,
 * building and room, the mobile proved by a one-time code (the same sender as the volunteer sign-up), what is wrong and
 * how urgent. Submissions are limited per address; the code is good once, so a double tap makes one request. The
 * resident then has a link of their own ({@code /h/TOKEN}) showing who is coming, their phone masked, and the clock.
 */
@Service
public class ResidentRequests {

    public static final String CODE_PURPOSE = "help-request";
    private static final RateLimiter.Policy SUBMISSIONS = new RateLimiter.Policy("help-address", 10, Duration.ofMinutes(10));

    /** A community and its compounds for the public page. */
    public record Community(String code, String name, List<CompoundView> compounds) {
    }

    /** What a resident fills in. */
    public record Form(String category, Boolean urgent, String compound, String building, String room, String name, String mobile,
                       String description, String code, Double lon, Double lat) {
    }

    private final RequestIntake intake;
    private final RequestViews views;
    private final RegionService regions;
    private final GridDirectory grids;
    private final PhoneCodes codes;
    private final RateLimiter limits;
    private final SignedTokens tokens;
    private final org.wuyi.request.internal.RequestStore requests;
    private final java.time.Clock clock;

    ResidentRequests(RequestIntake intake, RequestViews views, RegionService regions, GridDirectory grids, PhoneCodes codes,
                     RateLimiter limits, @Value("${wuyi.request.link-key:}") String key, org.wuyi.request.internal.RequestStore requests,
                     java.time.Clock clock) {
        this.requests = requests;
        this.clock = clock;
        this.intake = intake;
        this.views = views;
        this.regions = regions;
        this.grids = grids;
        this.codes = codes;
        this.limits = limits;
        this.tokens = new SignedTokens(key, "wuyi-resident-request-v1", "wuyi.request.link-key");
    }

    /** The community a poster names (404 when it is not a community). */
    public Community community(String code) {
        Region community = regions.publicCommunity(code);
        return new Community(community.code().value(), community.name(), grids.compounds(community.code()));
    }

    public List<Category> categories() {
        return intake.categories();
    }

    /** Sends a code to the mobile (refused in words when it is not a mobile, or too often). */
    @Transactional
    public void sendCode(String communityCode, String mobile, String address) {
        Community community = community(communityCode);
        MobileNumber number = MobileNumber.parse(mobile)
                .orElseThrow(() -> new RequestRefused(Map.of("mobile", "request.error.mobile")));
        codes.send(number, CODE_PURPOSE, community.code(), address);
    }

    /** Checks, verifies and takes the request; refused field by field (nothing saved), or with the code's problem. */
    @Transactional
    public RequestIntake.Taken submit(String communityCode, Form form, String address) {
        limits.check("address:" + address, SUBMISSIONS);
        Community community = community(communityCode);
        Map<String, String> problems = new LinkedHashMap<>();
        Category category = intake.category(form.category());
        if (category == null) {
            problems.put("category", "request.error.category");
        }
        RegionCode here = RegionCode.parse(community.code()).orElseThrow();
        RequestIntake.Place place;
        if (form.compound() != null && !form.compound().isBlank()) {
            place = intake.compoundPlace(here, form.compound(), form.building(), form.room(), problems);
        } else if (form.lon() != null && form.lat() != null) {
            // a point on the map: any grid of the district (she may be across the road from her own community)
            place = intake.pointPlace(RegionCode.parse(community.code().substring(0, 6)).orElseThrow(), form.lon(), form.lat(), form.room(),
                    problems);
            problems.replace("place", "request.error.outside", "help.error.outside");
        } else {
            place = missingPlace(problems);
        }
        RequestIntake.Who who = intake.who(form.name(), form.mobile(), form.description(), problems);
        if (form.code() == null || form.code().isBlank()) {
            problems.put("code", "request.error.code");
        }
        if (!problems.isEmpty()) {
            throw new RequestRefused(problems);
        }
        codes.use(who.mobile(), CODE_PURPOSE, form.code());
        return intake.create(null, "RESIDENT", category, Boolean.TRUE.equals(form.urgent()), place, who.name(), who.mobile(),
                who.description(), "resident:" + who.mobile().masked());
    }

    private static RequestIntake.Place missingPlace(Map<String, String> problems) {
        problems.put("place", "request.error.place");
        return null;
    }

    /** The resident's own link to their request. */
    public String token(long requestId) {
        return tokens.sign(ByteBuffer.allocate(8).putLong(requestId).array());
    }

    /** The request a genuine resident link names; empty for anything else. */
    @Transactional(readOnly = true)
    public Optional<RequestView> mine(String token) {
        return tokens.verify(token, 8).map(ByteBuffer::wrap).map(ByteBuffer::getLong).map(views::view);
    }

    /**
     * Adds a photo to the request a genuine resident link names: kept only as a re-encoded JPEG or PNG (see
     * {@link org.wuyi.platform.web.PhotoCheck}); the message key of what is wrong otherwise; 404 for a bad link.
     */
    @Transactional
    public Optional<String> addPhoto(String token, byte[] file) {
        long id = tokens.verify(token, 8).map(ByteBuffer::wrap).map(ByteBuffer::getLong)
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "request.not-found"));
        org.wuyi.platform.web.PhotoCheck.Outcome checked = org.wuyi.platform.web.PhotoCheck.check(file);
        if (checked.photo().isEmpty()) {
            return Optional.of(checked.problem());
        }
        requests.photo(id, checked.photo().get(), clock.instant());
        requests.event(id, clock.instant(), "PHOTO_ADDED", "resident", null, checked.photo().get().width() + "x" + checked.photo().get().height());
        return Optional.empty();
    }

    /** A category by code for the pages (404 for an unknown one). */
    public Category category(String code) {
        return Optional.ofNullable(intake.category(code)).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "request.not-found"));
    }
}
