package org.wuyi.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.notification.PhoneCodes;
import org.wuyi.platform.web.RateLimiter;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.MobileNumber;
import org.wuyi.volunteer.internal.VolunteerLinks;
import org.wuyi.volunteer.internal.VolunteerRepository;

/**
 * The public sign-up (no account): a resident names their household among the community's real compounds and
 * buildings, ticks their hours and consents; a code sent to their mobile proves the number is theirs. One mobile is one
 * sign-up: signing up again changes it (a new household goes back to the community's review). Every field is checked
 * and a refusal names each wrong field, saving nothing; submissions are limited per address.
 */
@Service
public class SignupService {

    /** The version of the consent text the page shows (messages {@code volunteer.consent.text}); stored with each sign-up. */
    public static final String CONSENT_VERSION = "2026-12";
    public static final String CODE_PURPOSE = "volunteer-signup";
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}\\p{IsLatin}·．. ]{2,30}");
    private static final Pattern ROOM = Pattern.compile("[0-9A-Za-z-]{1,10}");
    private static final RateLimiter.Policy SUBMISSIONS = new RateLimiter.Policy("signup-address", 10, Duration.ofMinutes(10));

    /** What a sign-up did, and the volunteer's personal link. */
    public record Result(long volunteerId, boolean created, VolunteerState state, String link) {
    }

    private final VolunteerRepository volunteers;
    private final GridDirectory grids;
    private final RegionService regions;
    private final PhoneCodes codes;
    private final RateLimiter limits;
    private final VolunteerLinks links;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    SignupService(VolunteerRepository volunteers, GridDirectory grids, RegionService regions, PhoneCodes codes, RateLimiter limits,
                  VolunteerLinks links, AuditLog audit, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.volunteers = volunteers;
        this.grids = grids;
        this.regions = regions;
        this.codes = codes;
        this.limits = limits;
        this.links = links;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** The community a poster names, with its compounds, for the public page (404 when it is not a community). */
    public Community community(String code) {
        Region community = regions.publicCommunity(code);
        return new Community(community.code().value(), community.name(), grids.compounds(community.code()));
    }

    /** A community and its compounds (with buildings) for the sign-up page. */
    public record Community(String code, String name, List<CompoundView> compounds) {
    }

    /** Sends a code to the mobile (refused in words when it is not a mobile, or too often). */
    @Transactional
    public void sendCode(String communityCode, String mobile, String address) {
        Community community = community(communityCode);
        MobileNumber number = MobileNumber.parse(mobile).orElseThrow(() -> refused("mobile", "volunteer.error.mobile"));
        codes.send(number, CODE_PURPOSE, community.code(), address);
    }

    /** Checks, verifies and saves a sign-up; refused field by field (nothing saved), or with the code's problem. */
    @Transactional
    public Result submit(String communityCode, SignupForm form, String address) {
        limits.check("address:" + address, SUBMISSIONS);
        Community community = community(communityCode);
        VolunteerRepository.Fields fields = check(community, form);
        codes.use(MobileNumber.of(fields.mobile()), CODE_PURPOSE, form.code());
        Instant now = clock.instant();
        Optional<VolunteerRepository.Row> existing = volunteers.lockByMobile(fields.mobile());
        String actor = "resident:" + MobileNumber.of(fields.mobile()).masked();
        if (existing.isEmpty()) {
            long id = volunteers.insert(fields, now);
            audit.recordAs(actor, "volunteer.signed-up", community.code(), "volunteer=%d compound=%d".formatted(id, fields.compoundId()));
            return new Result(id, true, VolunteerState.PENDING, links.token(id, 0));
        }
        VolunteerRepository.Row row = existing.get();
        boolean sameHousehold = row.compoundId() == fields.compoundId() && row.building().equals(fields.building())
                && row.room().equalsIgnoreCase(fields.room());
        VolunteerState state = row.state() == VolunteerState.APPROVED && sameHousehold ? VolunteerState.APPROVED : VolunteerState.PENDING;
        volunteers.update(row.id(), fields, state, now);
        audit.recordAs(actor, "volunteer.sign-up-changed", community.code(), "volunteer=%d compound=%d state=%s"
                .formatted(row.id(), fields.compoundId(), state));
        return new Result(row.id(), false, state, links.token(row.id(), row.linkEpoch()));
    }

    private VolunteerRepository.Fields check(Community community, SignupForm form) {
        Map<String, SignupRefused.Problem> problems = new LinkedHashMap<>();
        CompoundView compound = form.compoundId() == null ? null
                : community.compounds().stream().filter(each -> each.id() == form.compoundId()).findFirst().orElse(null);
        if (compound == null) {
            problems.put("compoundId", new SignupRefused.Problem("volunteer.error.compound", community.name()));
        } else if (form.building() == null || !compound.buildings().contains(form.building().strip())) {
            problems.put("building", new SignupRefused.Problem("volunteer.error.building", compound.name()));
        }
        String room = form.room() == null ? "" : form.room().strip();
        if (!ROOM.matcher(room).matches()) {
            problems.put("room", new SignupRefused.Problem("volunteer.error.room"));
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (!NAME.matcher(name).matches()) {
            problems.put("name", new SignupRefused.Problem("volunteer.error.name"));
        }
        if (form.gender() == null || !List.of("M", "F").contains(form.gender())) {
            problems.put("gender", new SignupRefused.Problem("volunteer.error.gender"));
        }
        Optional<MobileNumber> mobile = MobileNumber.parse(form.mobile());
        if (mobile.isEmpty()) {
            problems.put("mobile", new SignupRefused.Problem("volunteer.error.mobile"));
        }
        if (form.age() == null || form.age() < 18 || form.age() > 80) {
            problems.put("age", new SignupRefused.Problem("volunteer.error.age"));
        }
        List<Skill> skills = new ArrayList<>();
        for (String skill : form.skills() == null ? List.<String>of() : form.skills()) {
            try {
                Skill parsed = Skill.valueOf(skill == null ? "" : skill.strip());
                if (!skills.contains(parsed)) {
                    skills.add(parsed);
                }
            } catch (IllegalArgumentException unknown) {
                problems.put("skills", new SignupRefused.Problem("volunteer.error.skills"));
            }
        }
        Optional<WeekHours> hours = form.slots() != null ? WeekHours.ofSlots(form.slots())
                : WeekHours.ofDays(form.availability() == null ? Map.of() : form.availability());
        if (hours.isEmpty()) {
            problems.put("availability", new SignupRefused.Problem("volunteer.error.availability-invalid"));
        } else if (hours.get().hours() == 0) {
            problems.put("availability", new SignupRefused.Problem("volunteer.error.availability-none"));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<LocalDate> dates = form.unavailableDates() == null ? List.of()
                : form.unavailableDates().stream().filter(java.util.Objects::nonNull).distinct().sorted().toList();
        if (dates.size() > 60 || dates.stream().anyMatch(date -> date.isBefore(today) || date.isAfter(today.plusYears(1)))) {
            problems.put("unavailableDates", new SignupRefused.Problem("volunteer.error.dates"));
        }
        if (form.maxHoursPerWeek() == null || form.maxHoursPerWeek() < 1 || form.maxHoursPerWeek() > 40) {
            problems.put("maxHoursPerWeek", new SignupRefused.Problem("volunteer.error.max-hours"));
        }
        if (!Boolean.TRUE.equals(form.consent())) {
            problems.put("consent", new SignupRefused.Problem("volunteer.error.consent"));
        }
        if (form.code() == null || form.code().isBlank()) {
            problems.put("code", new SignupRefused.Problem("volunteer.error.code"));
        }
        if (form.preferredGateId() != null && (compound == null
                || compound.gates().stream().noneMatch(gate -> gate.id() == form.preferredGateId()))) {
            problems.put("preferredGateId", new SignupRefused.Problem("volunteer.error.preferred-gate"));
        }
        if (!problems.isEmpty()) {
            throw new SignupRefused(problems);
        }
        return new VolunteerRepository.Fields(community.code(), compound.id(), compound.gridCode(), form.building().strip(), room, name,
                form.gender(), mobile.get().value(), form.age(), skills, hours.get(), dates, form.maxHoursPerWeek(),
                Boolean.TRUE.equals(form.helpNeighbours()), CONSENT_VERSION, form.preferredGateId());
    }

    private static SignupRefused refused(String field, String key) {
        return new SignupRefused(Map.of(field, new SignupRefused.Problem(key)));
    }
}
