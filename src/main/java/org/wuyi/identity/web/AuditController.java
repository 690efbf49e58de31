package org.wuyi.identity.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.wuyi.identity.AuditEntry;
import org.wuyi.identity.AuditLog;
import org.wuyi.platform.spreadsheet.SheetTable;

/** The audit log page of the user's own region: who changed what, when; filtered, and exported as xlsx. */
@Controller
class AuditController {

    static final int LATEST = 200;
    static final int EXPORT_LIMIT = 100_000;

    private final AuditLog audit;
    private final MessageSource messages;
    private final ZoneId zone;

    AuditController(AuditLog audit, MessageSource messages, ZoneId wuyiTimeZone) {
        this.audit = audit;
        this.messages = messages;
        this.zone = wuyiTimeZone;
    }

    @GetMapping("/audit")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String action, Model model) {
        model.addAttribute("entries", audit.search(filter(from, to, actor, action), LATEST));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        return "identity/audit";
    }

    @GetMapping("/audit/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                  Locale locale) {
        List<AuditEntry> entries = audit.search(filter(from, to, actor, action), EXPORT_LIMIT);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        List<List<String>> rows = entries.stream().map(entry -> List.of(time.format(entry.at().atZone(zone)), entry.actor(),
                messages.getMessage("audit.action." + entry.action(), null, entry.action(), locale),
                entry.regionCode() == null ? "" : entry.regionCode(), entry.detail() == null ? "" : entry.detail())).toList();
        byte[] xlsx = SheetTable.build(messages.getMessage("audit.title", null, locale),
                List.of(text("audit.at", locale), text("audit.actor", locale), text("audit.action", locale),
                        text("audit.region", locale), text("audit.detail", locale)), List.of(20, 16, 24, 16, 80), rows);
        String name = messages.getMessage("audit.export.file", new Object[] {LocalDate.now(zone)}, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(xlsx);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private AuditLog.Filter filter(LocalDate from, LocalDate to, String actor, String action) {
        return new AuditLog.Filter(from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), actor, action);
    }
}
