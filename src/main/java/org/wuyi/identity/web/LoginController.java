package org.wuyi.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wuyi.identity.internal.IdentityProperties;

@Controller
class LoginController {

    private final IdentityProperties properties;

    LoginController(IdentityProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockoutMinutes", properties.lockout().toMinutes());
        return "identity/login";
    }
}
