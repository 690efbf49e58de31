package org.wuyi.region.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.wuyi.identity.CurrentUser;
import org.wuyi.identity.RegionScope;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;

/** What the page layout shows on every page: who is signed in, and the region they look after. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

    private final RegionScope scope;
    private final RegionService regions;

    LayoutModelAdvice(RegionScope scope, RegionService regions) {
        this.scope = scope;
        this.regions = regions;
    }

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return scope.currentUser().orElse(null);
    }

    @ModelAttribute("homeRegion")
    Region homeRegion() {
        return scope.currentUser().filter(user -> !user.role().isAdministrator()).flatMap(user -> regions.find(user.regionCode()))
                .orElse(null);
    }
}
