package org.wuyi.identity.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wuyi.identity.AuditEntry;
import org.wuyi.identity.AuditLog;

@RestController
@Tag(name = "audit", description = "Who changed what in the caller's region")
class AuditApiController {

    private final AuditLog audit;
    private final ZoneId zone;

    AuditApiController(AuditLog audit, ZoneId wuyiTimeZone) {
        this.audit = audit;
        this.zone = wuyiTimeZone;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The latest audit entries (at most 1000, default 200) about the caller's region and below, newest "
            + "first, optionally from/to a date (inclusive), by actor, by action prefix; not for the system or security administrator")
    List<AuditEntry> latest(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                            @RequestParam(defaultValue = "200") int limit) {
        return audit.search(new AuditLog.Filter(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), actor, action), Math.clamp(limit, 1, 1000));
    }
}
