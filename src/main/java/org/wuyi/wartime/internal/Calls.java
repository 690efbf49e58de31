package org.wuyi.wartime.internal;

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
        };
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
