package org.wuyi.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.volunteer.internal.RotaJobStore;
import org.wuyi.volunteer.rota.RotaTexts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asking for a compound's rota and reading how it goes: queued in the database, solved in the background (see
 * {@code RotaWorker}), read back with its account. Only those who keep the roster ask; anyone who sees the compound reads.
 * A rota covers 1 to 14 days, none of them past.
 */
@Service
public class RotaJobs {

    private final RotaJobStore jobs;
    private final CompoundService compounds;
    private final RegionScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final Runnable wake;
    private final MessageSource messages;
    private final JsonMapper json = JsonMapper.builder().build();

    RotaJobs(RotaJobStore jobs, CompoundService compounds, RegionScope scope, AuditLog audit, Clock clock,
             @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone, org.wuyi.volunteer.internal.RotaWorkerAccess worker,
             MessageSource messages) {
        this.messages = messages;
        this.jobs = jobs;
        this.compounds = compounds;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
        this.wake = worker::wake;
    }

    @Transactional
    public RotaJobView solve(long compoundId, LocalDate from, LocalDate to) {
        CompoundView compound = compounds.compound(compoundId);
        scope.checkChange(compound.gridCode(), Roles.KEEPERS);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (from == null || to == null || to.isBefore(from) || from.isBefore(today) || from.plusDays(13).isBefore(to)) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "rota.dates");
        }
        String community = compound.gridCode().substring(0, 12);
        long id = jobs.queue(compoundId, community, from, to, scope.currentUser().orElseThrow().username(),
                clock.instant().plus(Duration.ofDays(7)));
        audit.record("volunteer.rota-requested", community, "job=%d compound=%d from=%s to=%s".formatted(id, compoundId, from, to));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake.run();
            }
        });
        return job(id);
    }

    /** A compound's latest ten jobs (403 outside the user's region). */
    @Transactional(readOnly = true)
    public List<RotaJobView> recent(long compoundId) {
        compounds.compound(compoundId);
        return jobs.latest(compoundId, 10).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public RotaJobView job(long id) {
        return view(jobs.find(id).filter(found -> scope.covers(found.communityCode()))
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "rota.not-found")));
    }

    private RotaJobView view(RotaJobStore.Row row) {
        List<String> gaps = new ArrayList<>();
        List<RotaJobView.Rule> rules = new ArrayList<>();
        if (row.account() != null) {
            JsonNode account = json.readTree(row.account());
            Locale locale = LocaleContextHolder.getLocale();
            account.get("gaps").forEach(gap -> gaps.add(RotaTexts.render("rota.gap", List.of(gap.get("date").asString(),
                    "%02d".formatted(gap.get("from").asInt()), "%02d".formatted(gap.get("to").asInt()), gap.get("post").asString(),
                    gap.get("reason").asString()), messages, locale)));
            account.get("rules").forEach(rule -> rules.add(new RotaJobView.Rule(rule.get("id").asString(),
                    messages.getMessage(rule.get("title").asString(), null, locale), rule.get("level").asString(), rule.get("penalty").asLong())));
        }
        return new RotaJobView(row.id(), row.compoundId(), row.from(), row.to(), row.status(), row.hard(), row.medium(), row.soft(),
                row.fairness(), gaps, rules, row.requestedAt(), row.startedAt(), row.finishedAt(), row.expiresAt(), row.publishedAt(), row.error());
    }
}
