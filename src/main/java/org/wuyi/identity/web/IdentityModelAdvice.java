package org.wuyi.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.internal.AccountPolicy;

/** What the layout needs from identity on every page: whether to show the accounts link. */
@ControllerAdvice(annotations = Controller.class)
class IdentityModelAdvice {

    private final RegionScope scope;

    IdentityModelAdvice(RegionScope scope) {
        this.scope = scope;
    }

    @ModelAttribute("mayListAccounts")
    boolean mayListAccounts() {
        return scope.hasRole(AccountPolicy.LISTERS);
    }
}
