package org.wuyi.request.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wuyi.notification.Channel;
import org.wuyi.notification.OutgoingMessage;
import org.wuyi.notification.Outbox;
import org.wuyi.platform.web.PublicLinks;
import org.wuyi.request.Category;
import org.wuyi.shared.MobileNumber;
import org.wuyi.staff.PersonCard;

/**
 * Sends a request to the people it was routed to, through the outbox in the caller's transaction: each their own
 * accept link, the place, what is wrong, and the time by which someone must accept. Keys name the request and the
 * person, so a repeat writes nothing more.
 */
@Component
public class Dispatch {

    public static final String TOPIC = "request.dispatch";

    private final Outbox outbox;
    private final PublicLinks publicLinks;
    private final RequestLinks links;
    private final MessageSource messages;
    private final ZoneId zone;

    Dispatch(Outbox outbox, PublicLinks publicLinks, RequestLinks links, MessageSource messages,
             @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.outbox = outbox;
        this.publicLinks = publicLinks;
        this.links = links;
        this.messages = messages;
        this.zone = zone;
    }

    public void send(RequestStore.Row request, Category category, String place, List<PersonCard> people, boolean toLeader) {
        send(request, category, place, people, toLeader, 0);
    }

    /** The same, again after the {@code round}-th pass-back (to those who did not pass it back). */
    public void send(RequestStore.Row request, Category category, String place, List<PersonCard> people, boolean toLeader, int round) {
        String due = DateTimeFormatter.ofPattern("HH:mm").withZone(zone).format(request.acceptDue());
        String subject = zh(request.urgent() ? "request.message.subject-urgent" : "request.message.subject", category.nameZh());
        List<OutgoingMessage> outgoing = new ArrayList<>();
        for (PersonCard person : people) {
            String link = publicLinks.to("/r/" + links.token(request.id(), person.id()));
            String body = zh(toLeader ? "request.message.body-leader" : "request.message.body", request.name(),
                    MobileNumber.of(request.mobile()).masked(), place, request.description(), due, link);
            for (Channel channel : outbox.channels()) {
                if (channel == Channel.IN_APP || channel == Channel.WEBHOOK) {
                    outgoing.add(new OutgoingMessage("request:%d:person:%d:%s%s".formatted(request.id(), person.id(), channel,
                            round == 0 ? "" : ":round:" + round), channel,
                            person.id(), person.mobile(), TOPIC, "request:" + request.id(), subject, body, link));
                }
            }
        }
        outbox.enqueue(outgoing);
    }

    /** Tells one person something about a request (escalation, reopening), once per {@code key}. */
    public void tell(String key, RequestStore.Row request, PersonCard person, String subject, String body, String link) {
        List<OutgoingMessage> outgoing = new ArrayList<>();
        for (Channel channel : outbox.channels()) {
            if (channel == Channel.IN_APP || channel == Channel.WEBHOOK) {
                outgoing.add(new OutgoingMessage("request:%d:%s:person:%d:%s".formatted(request.id(), key, person.id(), channel), channel,
                        person.id(), person.mobile(), TOPIC, "request:" + request.id(), subject, body, link));
            }
        }
        outbox.enqueue(outgoing);
    }

    /** A message text in Chinese (what people are sent is in Chinese, whoever triggers it). */
    public String text(String key, Object... args) {
        return zh(key, args);
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
