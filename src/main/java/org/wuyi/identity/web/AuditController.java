package org.wuyi.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.wuyi.identity.AuditLog;

/** The audit log page of the user's own region: who changed what, when. */
@Controller
class AuditController {

    static final int LATEST = 200;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String page(Model model) {
        model.addAttribute("entries", audit.latestInScope(LATEST));
        return "identity/audit";
    }
}
