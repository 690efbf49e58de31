package org.wuyi.volunteer.internal;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wuyi.notification.Channel;
import org.wuyi.notification.OutgoingMessage;
import org.wuyi.notification.Outbox;
import org.wuyi.platform.web.PublicLinks;
import org.wuyi.volunteer.DutyBlock;

/**
 * What volunteers are told of their hours, through the outbox in the caller's transaction: a published rota (each
 * their hours), and a repair (only those whose hours changed: the new hours, or the hours taken off). Each message
 * carries the volunteer's personal link, where the hours, the calendar file and the check-in are.
 */
@Component
public class DutyNotices {

    public static final String TOPIC = "volunteer.duty";

    private final Outbox outbox;
    private final PublicLinks publicLinks;
    private final VolunteerLinks links;
    private final MessageSource messages;

    DutyNotices(Outbox outbox, PublicLinks publicLinks, VolunteerLinks links, MessageSource messages) {
        this.outbox = outbox;
        this.publicLinks = publicLinks;
        this.links = links;
        this.messages = messages;
    }

    /** A volunteer's hours of a newly published rota. */
    public void published(long jobId, VolunteerRepository.Row volunteer, List<DutyBlock> blocks) {
        int hours = blocks.stream().mapToInt(DutyBlock::hours).sum();
        send("rota:%d:volunteer:%d".formatted(jobId, volunteer.id()), "rota:" + jobId, volunteer,
                zh("duty.notice.published-subject"), zh("duty.notice.published-body", volunteer.name(), hours, describe(blocks)));
    }

    /** New hours a repair gave a volunteer. */
    public void added(String repair, VolunteerRepository.Row volunteer, List<DutyBlock> blocks) {
        send("repair:%s:volunteer:%d:added".formatted(repair, volunteer.id()), "repair:" + repair, volunteer,
                zh("duty.notice.added-subject"), zh("duty.notice.added-body", volunteer.name(), describe(blocks)));
    }

    /** Hours a repair took off a volunteer (they did not come). */
    public void removed(String repair, VolunteerRepository.Row volunteer, List<DutyBlock> blocks) {
        send("repair:%s:volunteer:%d:removed".formatted(repair, volunteer.id()), "repair:" + repair, volunteer,
                zh("duty.notice.removed-subject"), zh("duty.notice.removed-body", volunteer.name(), describe(blocks)));
    }

    /** "周三 07:00–11:00 东门；周五 …" */
    public String describe(List<DutyBlock> blocks) {
        return blocks.stream().map(block -> zh("duty.block", block.date().getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE),
                        block.date().getMonthValue(), block.date().getDayOfMonth(), "%02d:00".formatted(block.fromHour()),
                        "%02d:00".formatted(block.toHour()), block.gateName()))
                .collect(Collectors.joining("；"));
    }

    private void send(String key, String correlation, VolunteerRepository.Row volunteer, String subject, String body) {
        String link = publicLinks.to("/v/" + links.token(volunteer.id(), volunteer.linkEpoch()));
        long recipient = volunteer.personId() == null ? 0 : volunteer.personId();
        List<OutgoingMessage> outgoing = new ArrayList<>();
        for (Channel channel : outbox.channels()) {
            if (channel == Channel.IN_APP || channel == Channel.WEBHOOK) {
                outgoing.add(new OutgoingMessage(key + ":" + channel, channel, recipient, volunteer.mobile(), TOPIC, correlation, subject,
                        body, link));
            }
        }
        outbox.enqueue(outgoing);
    }

    private String zh(String key, Object... args) {
        return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
    }
}
