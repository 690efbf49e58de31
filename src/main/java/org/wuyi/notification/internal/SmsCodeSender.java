package org.wuyi.notification.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.wuyi.notification.ChannelKind;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.MobileNumber;

/**
 * Sends a code as an SMS through the nearest enabled SMS route of the resident's region (community, street, district),
 * with the template {@code wuyi.notification.code-template} (variable {@code code}). Without either, refused in words.
 */
class SmsCodeSender implements CodeSender {

    private final RouteRepository routes;
    private final SmsGateway gateway;
    private final NotificationProperties properties;

    SmsCodeSender(RouteRepository routes, SmsGateway gateway, NotificationProperties properties) {
        this.routes = routes;
        this.gateway = gateway;
        this.properties = properties;
    }

    @Override
    public void send(String regionCode, MobileNumber mobile, String code) {
        List<String> lineage = new ArrayList<>();
        for (int length : new int[] {12, 9, 6}) {
            if (regionCode.length() >= length) {
                lineage.add(regionCode.substring(0, length));
            }
        }
        Route route = routes.enabledAt(lineage).stream()
                .filter(row -> row.kind() == ChannelKind.SMS)
                .max(Comparator.comparingInt(row -> row.regionCode().length()))
                .flatMap(row -> routes.route(row.id()))
                .orElse(null);
        if (route == null || properties.codeTemplate().isBlank()) {
            throw new TranslatedProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.phone-code.no-sms");
        }
        WebhookSender.Result result = gateway.send(route, new SmsGateway.Sms("code-" + UUID.randomUUID(), mobile.value(),
                properties.codeTemplate(), Map.of("code", code))).join();
        if (!result.delivered()) {
            throw new TranslatedProblem(HttpStatus.SERVICE_UNAVAILABLE, "problem.phone-code.not-sent");
        }
    }
}
