package org.wuyi.region.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
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

    /** The user's own region for the layout; not looked up for an API answer, which has no layout (one query less a call). */
    @ModelAttribute("homeRegion")
    Region homeRegion(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && (handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class))) {
            return null;
        }
        return scope.currentUser().filter(user -> !user.role().isAdministrator()).flatMap(user -> regions.find(user.regionCode()))
                .orElse(null);
    }
}
