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

    RequestLinkController(RequestAcceptance acceptance) {
        this.acceptance = acceptance;
    }

    @GetMapping("/r/{token}")
    String open(@PathVariable String token, Model model) {
        model.addAttribute("seen", acceptance.open(token).orElse(null));
        model.addAttribute("token", token);
        return "request/link";
    }

    @PostMapping("/r/{token}/accept")
    String accept(@PathVariable String token, Model model) {
        model.addAttribute("seen", acceptance.accept(token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("token", token);
        return "request/link";
    }
}
