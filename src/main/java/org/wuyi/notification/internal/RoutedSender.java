package org.wuyi.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.stereotype.Component;
import org.wuyi.notification.Channel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an outbox message through its route: a group robot gets the subject as title and the body as markdown; an
 * SMS gateway gets the route's template with the variables the message carries (its body, as a JSON object).
 */
@Component
class RoutedSender {

    private final RouteRepository routes;
    private final RobotSender robots;
    private final SmsGateway sms;
    private final JsonMapper json;

    RoutedSender(RouteRepository routes, RobotSender robots, SmsGateway sms, JsonMapper json) {
        this.routes = routes;
        this.robots = robots;
        this.sms = sms;
        this.json = json;
    }

    CompletableFuture<WebhookSender.Result> send(DeliveryWorker.Claimed message) {
        Route route = message.routeId() == null ? null : routes.route(message.routeId()).orElse(null);
        if (route == null || !route.enabled()) {
            return CompletableFuture.completedFuture(new WebhookSender.Result(false, false, "route missing or disabled"));
        }
        if (message.channel() == Channel.ROBOT) {
            return robots.send(route, message.subject(), message.body());
        }
        return sms.send(route, new SmsGateway.Sms(message.idempotencyKey(), message.address(), route.templateId(), variables(message.body())));
    }

    private Map<String, String> variables(String body) {
        Map<String, String> variables = new LinkedHashMap<>();
        try {
            JsonNode node = json.readTree(body);
            node.propertyNames().forEach(name -> variables.put(name, node.get(name).asString()));
        } catch (RuntimeException notJson) {
            variables.put("text", body);
        }
        return variables;
    }
}
