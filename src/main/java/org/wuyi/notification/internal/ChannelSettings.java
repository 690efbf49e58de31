package org.wuyi.notification.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.KnownRegions;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.notification.ChannelKind;
import org.wuyi.platform.web.PublicLinks;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.RegionCode;

/**
 * The channel routes of a region, kept by the district or street: a WeCom or DingTalk group robot per community or
 * grid, an SMS gateway per region; addresses and secrets sealed at rest, never shown again (only the address without
 * its key); a test message sent at once through a route. Every change and test is audited.
 */
@Service
public class ChannelSettings {

    private static final Pattern TEMPLATE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    /** A route as the page shows it (its address without the key, never the secret). */
    public record RouteView(long id, String regionCode, ChannelKind kind, String address, boolean hasSecret, String templateId,
                            boolean enabled, int version, String updatedBy, Instant updatedAt) {
    }

    private final RouteRepository routes;
    private final ChannelKey key;
    private final TargetPolicy targets;
    private final RobotSender robots;
    private final SmsGateway sms;
    private final RegionScope scope;
    private final KnownRegions regions;
    private final AuditLog audit;
    private final PublicLinks links;
    private final MessageSource messages;

    ChannelSettings(RouteRepository routes, ChannelKey key, TargetPolicy targets, RobotSender robots, SmsGateway sms, RegionScope scope,
                    KnownRegions regions, AuditLog audit, PublicLinks links, MessageSource messages) {
        this.routes = routes;
        this.key = key;
        this.targets = targets;
        this.robots = robots;
        this.sms = sms;
        this.scope = scope;
        this.regions = regions;
        this.audit = audit;
        this.links = links;
        this.messages = messages;
    }

    /** The routes in a region of the user's (403 outside it). */
    @Transactional(readOnly = true)
    public List<RouteView> list(RegionCode region) {
        scope.check(region);
        return routes.within(region).stream().map(ChannelSettings::view).toList();
    }

    /** Whether the user may change the routes of this region (district and street). */
    public boolean mayChange(RegionCode region) {
        return scope.mayChange(region.value(), Roles.ORGANISERS);
    }

    /**
     * Creates or changes the route of a place and kind. Robots sit at a community (12 digits) or a grid (16); an SMS
     * gateway at any level. The address must pass {@link TargetPolicy}; an SMS route needs a template id. A blank
     * address or secret on a change keeps the stored one. 409 when changed since {@code version}.
     */
    @Transactional
    public RouteView save(String placeCode, ChannelKind kind, String url, String secret, String templateId, boolean enabled,
                          Integer version) {
        String code = placeCode == null ? "" : placeCode.strip();
        scope.checkChange(code, Roles.ORGANISERS);
        if (kind == null) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "problem.channel.kind");
        }
        checkPlace(code, kind);
        String address = url == null ? "" : url.strip();
        boolean keepAddress = version != null && address.isEmpty();
        if (!keepAddress) {
            targets.problem(address).ifPresent(problem -> {
                throw new TranslatedProblem(HttpStatus.BAD_REQUEST, problem);
            });
        }
        String template = templateId == null ? "" : templateId.strip();
        if (kind == ChannelKind.SMS && !TEMPLATE.matcher(template).matches()) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "problem.channel.template");
        }
        String secretText = secret == null ? "" : secret.strip();
        if (secretText.length() > 200) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "problem.channel.secret");
        }
        byte[] sealedSecret = secretText.isEmpty() ? null : key.cipher().encrypt(secretText);
        byte[] sealedUrl = keepAddress ? null : key.cipher().encrypt(address);
        if (!routes.save(code, kind, keepAddress ? null : shown(address), sealedUrl, sealedSecret,
                kind == ChannelKind.SMS ? template : null, enabled, version, scope.currentUser().orElseThrow().username())) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, version == null ? "problem.channel.exists" : "problem.channel.stale");
        }
        RouteRepository.Row row = routes.within(RegionCode.of(code.substring(0, Math.min(12, code.length()))))
                .stream().filter(r -> r.regionCode().equals(code) && r.kind() == kind).findFirst().orElseThrow();
        audit.record("notification.channel-saved", code, "kind=%s address=%s secret=%s enabled=%s".formatted(kind, row.urlShown(),
                sealedSecret == null ? "kept" : "set", enabled));
        return view(row);
    }

    /** Sends a test message through a route at once (to this mobile, for SMS); the gateway's answer, in words. */
    @Transactional
    public String test(long id, String mobile) {
        RouteRepository.Row row = routes.find(id).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "problem.channel.not-found"));
        scope.checkChange(row.regionCode(), Roles.ORGANISERS);
        Route route = routes.route(id).orElseThrow();
        String who = scope.currentUser().orElseThrow().displayName();
        WebhookSender.Result result;
        if (row.kind().robot()) {
            result = robots.send(new Route(route.id(), route.regionCode(), route.kind(), route.url(), route.secret(), null, true),
                    zh("channel.test.title"), zh("channel.test.body", who, row.regionCode(), links.to("/"))).join();
        } else {
            if (MobileNumber.parse(mobile == null ? "" : mobile.strip()).isEmpty()) {
                throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "problem.channel.test-mobile");
            }
            result = sms.send(route, new SmsGateway.Sms("test:" + id + ":" + Instant.now().toEpochMilli(), mobile.strip(),
                    route.templateId(), Map.of("name", who, "grid", row.regionCode(), "link", links.to("/")))).join();
        }
        audit.record("notification.channel-tested", row.regionCode(), "kind=%s delivered=%s detail=%s".formatted(row.kind(),
                result.delivered(), result.detail()));
        return (result.delivered() ? "OK: " : "FAILED: ") + result.detail();
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }

    private void checkPlace(String code, ChannelKind kind) {
        boolean level = kind.robot() ? code.matches("[0-9]{12}([0-9]{4})?") : code.matches("[0-9]{6}([0-9]{3}([0-9]{3}([0-9]{4})?)?)?");
        if (!level) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, kind.robot() ? "problem.channel.robot-level" : "problem.channel.place");
        }
        Optional<RegionCode> division = RegionCode.parse(code.length() == 16 ? code.substring(0, 12) : code);
        if (division.isEmpty() || !regions.exists(division.get())) {
            throw new TranslatedProblem(HttpStatus.BAD_REQUEST, "problem.channel.place");
        }
    }

    /** The address without its query (where the robot's key or token sits). */
    static String shown(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + (uri.getPath() == null ? "" : uri.getPath());
    }

    private static RouteView view(RouteRepository.Row row) {
        return new RouteView(row.id(), row.regionCode(), row.kind(), row.urlShown(), row.secret() != null, row.templateId(),
                row.enabled(), row.version(), row.updatedBy(), row.updatedAt());
    }

}
