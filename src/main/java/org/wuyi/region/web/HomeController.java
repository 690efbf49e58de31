package org.wuyi.region.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.OutsideRegionException;
import org.wuyi.identity.RegionScope;

/** Everyone starts at the top of their own region; the three administrators at their own work. */
@Controller
class HomeController {

    private final RegionScope scope;

    HomeController(RegionScope scope) {
        this.scope = scope;
    }

    @GetMapping("/")
    String home() {
        CurrentUser user = scope.currentUser().orElseThrow(OutsideRegionException::new);
        return user.role().isAdministrator() ? "redirect:/admin" : "redirect:/regions/" + user.regionCode().value();
    }
}
