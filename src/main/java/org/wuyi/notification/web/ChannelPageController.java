package org.wuyi.notification.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.wuyi.notification.ChannelKind;
import org.wuyi.notification.internal.ChannelSettings;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.RegionCode;

/** The message channels of a region: group robots and SMS gateways, kept by the district or street, with a test button. */
@Controller
class ChannelPageController {

    private final ChannelSettings channels;
    private final MessageSource messages;

    ChannelPageController(ChannelSettings channels, MessageSource messages) {
        this.channels = channels;
        this.messages = messages;
    }

    static RegionCode region(String code) {
        return RegionCode.parse(code).orElseThrow(() -> new TranslatedProblem(HttpStatus.BAD_REQUEST,
                "problem.channel.place"));
    }

    @GetMapping("/regions/{code}/channels")
    String page(@PathVariable String code, @RequestParam(required = false) Long edit, Model model) {
        RegionCode region = region(code);
        var routes = channels.list(region);
        model.addAttribute("region", region.value());
        model.addAttribute("routes", routes);
        model.addAttribute("editing", routes.stream().filter(route -> edit != null && route.id() == edit).findFirst().orElse(null));
        model.addAttribute("kinds", ChannelKind.values());
        model.addAttribute("mayChange", channels.mayChange(region));
        return "notification/channels";
    }

    @PostMapping("/regions/{code}/channels")
    String save(@PathVariable String code, @RequestParam(defaultValue = "") String place, @RequestParam(required = false) ChannelKind kind,
                @RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String secret,
                @RequestParam(defaultValue = "") String templateId, @RequestParam(defaultValue = "false") boolean enabled,
                @RequestParam(required = false) Integer version, RedirectAttributes redirect, Locale locale) {
        RegionCode region = region(code);
        try {
            channels.save(place, kind, url, secret, templateId, enabled, version);
            redirect.addFlashAttribute("saved", true);
        } catch (ErrorResponseException problem) {
            if (problem.getStatusCode().value() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", messages.getMessage(problem.getDetailMessageCode(), problem.getDetailMessageArguments(), locale));
        }
        return "redirect:/regions/" + region.value() + "/channels";
    }

    @PostMapping("/regions/{code}/channels/{id}/test")
    String test(@PathVariable String code, @PathVariable long id, @RequestParam(defaultValue = "") String mobile,
                RedirectAttributes redirect, Locale locale) {
        RegionCode region = region(code);
        try {
            redirect.addFlashAttribute("tested", channels.test(id, mobile));
        } catch (ErrorResponseException problem) {
            if (problem.getStatusCode().value() == 403) {
                throw problem;
            }
            redirect.addFlashAttribute("problem", messages.getMessage(problem.getDetailMessageCode(), problem.getDetailMessageArguments(), locale));
        }
        return "redirect:/regions/" + region.value() + "/channels";
    }
}
