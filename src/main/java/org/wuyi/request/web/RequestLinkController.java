package org.wuyi.request.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.wuyi.request.RequestAcceptance;

/** The link a request is sent with, on a phone without an account: what is needed and where, and accepting it (签收). */
@Controller
class RequestLinkController {

    private final RequestAcceptance acceptance;
    private final org.wuyi.request.RequestActions actions;

    RequestLinkController(RequestAcceptance acceptance, org.wuyi.request.RequestActions actions) {
        this.actions = actions;
        this.acceptance = acceptance;
    }

    @GetMapping("/r/{token}")
    String open(@PathVariable String token, Model model) {
        model.addAttribute("seen", acceptance.open(token).orElse(null));
        model.addAttribute("hasPhoto", acceptance.photo(token).isPresent());
        model.addAttribute("token", token);
        return "request/link";
    }

    /** The owner's steps from the link: arrived, resolved, or passed back with a reason (refused in words beside the form). */
    @PostMapping("/r/{token}/{step:arrive|resolve|pass-back}")
    String step(@PathVariable String token, @PathVariable String step,
                @org.springframework.web.bind.annotation.RequestParam(required = false) String reason, Model model) {
        try {
            if (!actions.byLink(token, step, reason)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            model.addAttribute("done", step);
        } catch (org.wuyi.platform.web.TranslatedProblem refused) {
            model.addAttribute("problem", refused.getDetailMessageCode());
        }
        return open(token, model);
    }

    @GetMapping("/r/{token}/photo")
    org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable String token) {
        return acceptance.photo(token).map(photo -> org.springframework.http.ResponseEntity.ok()
                        .contentType(org.springframework.http.MediaType.parseMediaType(photo.contentType()))
                        .header("Cache-Control", "private, no-store").body(photo.bytes()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/r/{token}/accept")
    String accept(@PathVariable String token, Model model) {
        model.addAttribute("seen", acceptance.accept(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("hasPhoto", acceptance.photo(token).isPresent());
        model.addAttribute("token", token);
        return "request/link";
    }
}
