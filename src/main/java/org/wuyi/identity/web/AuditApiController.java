package org.wuyi.identity.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.identity.AuditEntry;
import org.wuyi.identity.AuditLog;

@RestController
@Tag(name = "audit", description = "Who changed what in the caller's region")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The latest 200 audit entries about the caller's region and below, newest first")
    List<AuditEntry> latest() {
        return audit.latestInScope(AuditController.LATEST);
    }
}
