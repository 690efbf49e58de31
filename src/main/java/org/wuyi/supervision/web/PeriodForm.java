package org.wuyi.supervision.web;

import java.time.LocalDate;

import org.springframework.ui.Model;

/** A page's period as asked, or this month so far when not: put on the model as {@code from} and {@code to}. */
final class PeriodForm {

    private PeriodForm() {
    }

    static String[] orThisMonth(String from, String to, LocalDate today, Model model) {
        String start = from == null ? today.withDayOfMonth(1).toString() : from;
        String end = to == null ? today.toString() : to;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        return new String[] {start, end};
    }
}
