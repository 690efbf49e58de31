package org.wuyi.wartime.internal;

import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wuyi.notification.Channel;
import org.wuyi.notification.Outbox;
import org.wuyi.notification.OutgoingMessage;
import org.wuyi.platform.web.PublicLinks;
import org.wuyi.wartime.WartimeGroup;

/**
 * The messages of an activation, written for each channel the installation delivers on: the call to each
 * person (with their personal acknowledgement link), reminders, notices to leaders about who has not answered,
 * and the stand-down. The texts go to residents and staff who have no language setting in Wuyi: they are in
 * Chinese. Each message's idempotency key names the activation, the person, the channel and the purpose, so
 * writing it twice keeps one.
 */
@Component
public class Calls {

    /** The topic of a call (and a reminder): the board counts these. */
    public static final String TOPIC = "wartime.activation";
    private static final String CORRELATION = "activation:";

    /** Whom a message goes to, and how to reach them. */
    public record Contact(long personId, String name, String mobile, String email) {
    }

    private final Outbox outbox;
    private final AckLinks links;
    private final PublicLinks publicLinks;
    private final MessageSource messages;
    private final Clock clock;
    private final WartimeProperties properties;
    private volatile MessageFormat bodyFormat;
    private volatile Map<WartimeGroup, String> groupNames;

    Calls(Outbox outbox, AckLinks links, PublicLinks publicLinks, MessageSource messages, Clock clock,
          WartimeProperties properties) {
        this.outbox = outbox;
        this.links = links;
        this.publicLinks = publicLinks;
        this.messages = messages;
        this.clock = clock;
        this.properties = properties;
    }

    /** The messages of one activation: every call, reminder, notice and stand-down of it. */
    public static String correlation(long activationId) {
        return CORRELATION + activationId;
    }

    /** The activation a correlation names, if it is one of ours. */
    public static Optional<Long> activationOf(String correlation) {
        if (correlation == null || !correlation.startsWith(CORRELATION)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(correlation.substring(CORRELATION.length())));
        } catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }

    /** Whether e-mail is among the channels (so that addresses are worth looking up). */
    public boolean emails() {
        return outbox.channels().contains(Channel.EMAIL);
    }

    /** A person's call (round 0) or reminder (round 1 on), with their acknowledgement link, on every channel that reaches them. */
    public List<OutgoingMessage> call(long activationId, String gridName, WartimeGroup group, String duties, Contact person,
                                      boolean leader, String reason, int round) {
        String link = publicLinks.to("/ack/" + links.sign(activationId, person.personId(),
                clock.instant().plus(properties.linkLifetime())));
        String subject = zh(round == 0 ? "wartime.message.subject" : "wartime.message.reminder-subject", gridName);
        String body = bodyFormat().format(new Object[] {person.name(), gridName, groupName(group),
                zh(leader ? "wartime.leader" : "wartime.member"), duties, reason, link});
        return messages(activationId, person, "call:" + round, TOPIC, correlation(activationId), subject, body, link);
    }

    /** Tells a leader that someone of theirs has not answered ({@code purpose} keeps one notice per person and step). */
    public List<OutgoingMessage> unanswered(long activationId, Contact leader, String purpose, String gridName, String name,
                                            WartimeGroup group) {
        return messages(activationId, leader, purpose, "wartime.escalation", "escalation:" + activationId,
                zh("wartime.message.unanswered-subject", gridName), zh("wartime.message.unanswered-body", name, groupName(group),
                        gridName), "");
    }

    /** Tells someone who was reached that the grid is back to peacetime. */
    public List<OutgoingMessage> standDown(long activationId, Contact person, String gridName) {
        return messages(activationId, person, "stand-down", "wartime.stand-down", "stand-down:" + activationId,
                zh("wartime.message.stand-down-subject", gridName), zh("wartime.message.stand-down-body", gridName), "");
    }

    private List<OutgoingMessage> messages(long activationId, Contact person, String purpose, String topic, String correlation,
                                           String subject, String body, String link) {
        List<OutgoingMessage> outgoing = new ArrayList<>();
        for (Channel channel : outbox.channels()) {
            String address = address(channel, person);
            if (address != null) {
                outgoing.add(new OutgoingMessage("activation:%d:person:%d:%s:%s".formatted(activationId, person.personId(),
                        channel, purpose), channel, person.personId(), address, topic, correlation, subject, body, link));
            }
        }
        return outgoing;
    }

    /** Where a channel reaches a person: the mobile (in-app, and the SMS gateway behind the webhook), their e-mail, or nowhere. */
    private static String address(Channel channel, Contact person) {
        return switch (channel) {
            case EMAIL -> person.email() == null || person.email().isEmpty() ? null : person.email();
            case WEBHOOK, IN_APP -> person.mobile();
            case ROBOT, SMS -> null;
        };
    }

    /** The topic of a group-chat post (not a call to one person: the board does not count it). */
    public static final String GROUP_CHAT_TOPIC = "wartime.group-chat";
    /** WeCom takes at most 4,096 bytes of markdown; a longer roll is posted in parts. */
    private static final int CHAT_BYTES = 3800;

    /** One person's line in a group-chat post: who, in which group, and their own acknowledgement link. */
    public record ChatLine(String name, WartimeGroup group, boolean leader, String link) {
    }

    /**
     * The activation posted to each group robot serving the grid, with every person's acknowledgement link (in parts
     * when long). Keys name the activation, the robot and the part, so writing them twice keeps one.
     */
    public List<OutgoingMessage> groupChats(long activationId, String gridName, String reason, List<ChatLine> lines, List<Long> robots) {
        if (robots.isEmpty() || lines.isEmpty()) {
            return List.of();
        }
        String subject = zh("wartime.message.subject", gridName);
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder(zh("wartime.chat.head", gridName, reason));
        for (ChatLine line : lines) {
            String text = zh("wartime.chat.line", line.name(), groupName(line.group()), zh(line.leader() ? "wartime.leader" : "wartime.member"),
                    line.link());
            if ((part + text).getBytes(StandardCharsets.UTF_8).length > CHAT_BYTES) {
                parts.add(part.toString());
                part = new StringBuilder(zh("wartime.chat.continued", gridName, parts.size() + 1));
            }
            part.append(text);
        }
        parts.add(part.toString());
        List<OutgoingMessage> outgoing = new ArrayList<>();
        for (long robot : robots) {
            for (int i = 0; i < parts.size(); i++) {
                outgoing.add(new OutgoingMessage("activation:%d:robot:%d:part:%d".formatted(activationId, robot, i + 1), Channel.ROBOT, 0,
                        "", GROUP_CHAT_TOPIC, correlation(activationId), subject, parts.get(i), "", robot));
            }
        }
        return outgoing;
    }

    /** The stand-down posted to each group robot serving the grid. */
    public List<OutgoingMessage> groupStandDown(long activationId, String gridName, List<Long> robots) {
        return robots.stream().map(robot -> new OutgoingMessage("stand-down:%d:robot:%d".formatted(activationId, robot), Channel.ROBOT, 0,
                "", GROUP_CHAT_TOPIC, "stand-down:" + activationId, zh("wartime.message.stand-down-subject", gridName),
                zh("wartime.chat.stand-down", gridName), "", robot)).toList();
    }

    /** The SMS of a call: the gateway's template filled with this person's name, grid, group and link. */
    public OutgoingMessage sms(long activationId, Contact person, String gridName, WartimeGroup group, String link, long route) {
        String variables = "{\"name\":%s,\"grid\":%s,\"group\":%s,\"link\":%s}".formatted(quote(person.name()), quote(gridName),
                quote(groupName(group)), quote(link));
        return new OutgoingMessage("activation:%d:person:%d:SMS:call:0".formatted(activationId, person.personId()), Channel.SMS,
                person.personId(), person.mobile(), TOPIC, correlation(activationId), zh("wartime.message.subject", gridName), variables,
                link, route);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : (text == null ? "" : text).toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * A drill's messages: each subject and text begins with 【演练】 (an SMS template gets it as its {@code drill} variable),
     * so nobody takes a drill for an outbreak; the real ones unchanged.
     */
    public List<OutgoingMessage> asDrill(boolean drill, List<OutgoingMessage> messages) {
        if (!drill) {
            return messages;
        }
        String mark = zh("wartime.drill.mark");
        return messages.stream().map(message -> new OutgoingMessage(message.idempotencyKey(), message.channel(), message.recipientId(),
                message.address(), message.topic(), message.correlation(), mark + message.subject(),
                message.channel() == Channel.SMS ? message.body().substring(0, message.body().length() - 1) + ",\"drill\":" + quote(mark) + "}"
                        : mark + message.body(), message.link(), message.routeId())).toList();
    }

    /** A group's name in Chinese. */
    public String groupName(WartimeGroup group) {
        Map<WartimeGroup, String> names = groupNames;
        if (names == null) {
            names = new EnumMap<>(WartimeGroup.class);
            for (WartimeGroup each : WartimeGroup.values()) {
                names.put(each, zh("wartime.group." + each));
            }
            groupNames = names;
        }
        return names.get(group);
    }

    /** The call's text pattern, parsed once (a district's activation writes some twenty-five thousand). */
    private MessageFormat bodyFormat() {
        MessageFormat format = bodyFormat;
        if (format == null) {
            format = new MessageFormat(zh("wartime.message.body"), Locale.SIMPLIFIED_CHINESE);
            bodyFormat = format;
        }
        return (MessageFormat) format.clone();
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
