package org.wuyi.supervision.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wuyi.supervision.Bulletins;
import org.wuyi.supervision.Performance;
import org.wuyi.supervision.Period;

/** A person's own figures and accountability records ({@code /me/supervision}), and nobody else's. */
@Controller
class MySupervisionController {

    private final Performance performance;
    private final Bulletins bulletins;
    private final Clock clock;
    private final ZoneId zone;

    MySupervisionController(Performance performance, Bulletins bulletins, Clock clock, ZoneId wuyiTimeZone) {
        this.performance = performance;
        this.bulletins = bulletins;
        this.clock = clock;
        this.zone = wuyiTimeZone;
    }

    @GetMapping("/me/supervision")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        String[] period = PeriodForm.orThisMonth(from, to, LocalDate.now(clock.withZone(zone)), model);
        model.addAttribute("mine", performance.mine(Period.parse(period[0], period[1])));
        model.addAttribute("records", bulletins.mine());
        return "supervision/mine";
    }
}
