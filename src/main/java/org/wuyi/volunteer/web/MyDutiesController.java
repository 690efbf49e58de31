package org.wuyi.volunteer.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.volunteer.DutyBlock;
import org.wuyi.volunteer.DutyCalendar;
import org.wuyi.volunteer.DutyService;
import org.wuyi.volunteer.PersonalLinks;

/** A volunteer's own hours by their personal link: checking in at the gate, and the calendar file for their phone. */
@Controller
class MyDutiesController {

    /** A duty as the personal page shows it: whether its check-in button is there now. */
    record Shown(DutyBlock block, boolean checkInOpen) {
    }

    private final DutyService duties;
    private final PersonalLinks personal;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    MyDutiesController(DutyService duties, PersonalLinks personal, MessageSource messages, Clock clock,
                       @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.duties = duties;
        this.personal = personal;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** Checks in; a check-in outside its time comes back to the page with the reason beside the duty (422 would strand a phone). */
    @PostMapping("/v/{token}/duties/{id}/check-in")
    String checkIn(@PathVariable String token, @PathVariable long id, RedirectAttributes redirect) {
        try {
            if (!duties.checkInByLink(token, id)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        } catch (TranslatedProblem refused) {
            redirect.addFlashAttribute("checkInProblem", refused.getDetailMessageCode());
            redirect.addFlashAttribute("checkInDuty", id);
        }
        return "redirect:/v/" + token + "#duty-" + id;
    }

    @GetMapping("/v/{token}/duties.ics")
    ResponseEntity<byte[]> calendar(@PathVariable String token, Locale locale) {
        PersonalLinks.Me me = personal.me(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String ics = DutyCalendar.of(duties.mine(token).orElseThrow(), messages.getMessage("duty.calendar.name", null, locale),
                messages.getMessage("duty.calendar.summary", null, locale), me.compoundName(), zone, clock.instant());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("wuyi-duties.ics").build().toString())
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }
}
