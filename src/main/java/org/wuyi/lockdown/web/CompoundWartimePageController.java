package org.wuyi.lockdown.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.wuyi.lockdown.CompoundWartime;

/** A compound's wartime page ({@code /compounds/{id}/wartime}) for its grid leader, refreshing itself. */
@Controller
class CompoundWartimePageController {

    private final CompoundWartime wartime;
    CompoundWartimePageController(CompoundWartime wartime) {
        this.wartime = wartime;
    }

    @GetMapping("/compounds/{id}/wartime")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("w", wartime.of(id));
        return "lockdown/compound";
    }
}
