package org.wuyi.region.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.wuyi.identity.RegionScope;

/** Everyone starts at the top of their own region. */
@Controller
class HomeController {

    private final RegionScope scope;

    HomeController(RegionScope scope) {
        this.scope = scope;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/regions/" + scope.root().value();
    }
}
