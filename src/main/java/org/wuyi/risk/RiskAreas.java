package org.wuyi.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.BuildingRef;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Role;
import org.wuyi.identity.Roles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.risk.internal.RiskStore;
import org.wuyi.shared.CellText;
import org.wuyi.shared.RegionCode;

/**
 * Risk areas: declared by the district or a street (a compound, a building or a unit, at a level of a rule set, dated,
 * with a reason, audited); a new infection reported by them or the community resets the countdown; a testing round's
 * result counts towards it (a positive one is a new infection); lifting is one step once the level's rule is met —
 * refused before, with what is missing — to the rule's lower level or out of control altogether.
 */
@Service
public class RiskAreas {

    /**
     * A declaration: the rule set, the level, and the place — a compound, or a building (by id, or by name within the
     * compound) with an optional unit.
     */
    public record Declaration(String ruleSet, String level, Long compoundId, Long buildingId, String building, String unit, String reason) {
    }

    private static final Set<Role> REPORTERS = Roles.KEEPERS;

    private final RiskStore store;
    private final RuleSets rules;
    private final CompoundService compounds;
    private final GridDirectory grids;
    private final RegionScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    RiskAreas(RiskStore store, RuleSets rules, CompoundService compounds, GridDirectory grids, RegionScope scope, AuditLog audit, Clock clock,
              @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.rules = rules;
        this.compounds = compounds;
        this.grids = grids;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    @Transactional
    public RiskArea declare(Declaration declaration) {
        RuleSet set = rules.find(declaration.ruleSet()).orElseThrow(() -> problem("risk.error.rule-set"));
        RuleSet.Level level = set.level(declaration.level() == null ? "" : declaration.level().strip())
                .orElseThrow(() -> problem("risk.error.level", set.name().zh()));
        CompoundView compound;
        BuildingRef building = null;
        String kind;
        String unit = declaration.unit() == null || declaration.unit().isBlank() ? null : declaration.unit().strip();
        Long buildingId = declaration.buildingId();
        if (buildingId == null && declaration.compoundId() != null && declaration.building() != null && !declaration.building().isBlank()) {
            buildingId = grids.buildingIds(compounds.compound(declaration.compoundId()).id()).get(declaration.building().strip());
            if (buildingId == null) {
                throw problem("risk.error.place");
            }
        }
        if (buildingId != null) {
            building = grids.building(buildingId).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "risk.error.place"));
            compound = compounds.compound(building.compoundId());
            kind = unit == null ? "BUILDING" : "UNIT";
            if (unit != null && !unit.matches("[0-9A-Za-z\\p{IsHan}-]{1,10}")) {
                throw problem("risk.error.unit");
            }
        } else if (declaration.compoundId() != null && unit == null) {
            compound = compounds.compound(declaration.compoundId());
            kind = "COMPOUND";
        } else {
            throw problem("risk.error.place");
        }
        if (!set.areas().contains(kind)) {
            throw problem("risk.error.kind." + kind, set.name().zh());
        }
        String community = compound.gridCode().substring(0, 12);
        scope.checkChange(community, Roles.ORGANISERS);
        String reason = declaration.reason() == null ? "" : declaration.reason().strip();
        if (reason.isEmpty() || CellText.check(reason, 200, true).isPresent()) {
            throw problem("risk.error.reason");
        }
        String label = compound.name() + (building == null ? "" : " " + building.name()) + (unit == null ? "" : " " + unit);
        String by = scope.currentUser().orElseThrow().username();
        long id = store.insert(new RiskStore.Row(0, set.code(), level.level(), kind, compound.id(), building == null ? null : building.id(), unit,
                        compound.gridCode(), label, reason, clock.instant(), by, today(), "ACTIVE", 0))
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.CONFLICT, "risk.error.declared"));
        store.event(id, clock.instant(), today(), "DECLARED", set.code() + " " + level.level(), by);
        audit.record("risk.declared", community, "area=%d %s %s %s reason=%s".formatted(id, set.code(), level.level(), label, reason));
        return view(store.find(id).orElseThrow());
    }

    /** The active areas below a region, with their countdowns today. */
    @Transactional(readOnly = true)
    public List<RiskArea> active(RegionCode region) {
        scope.check(region);
        return store.active(region).stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public RiskArea get(long id) {
        RiskStore.Row row = store.find(id).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "risk.error.not-found"));
        scope.check(row.gridCode());
        return view(row);
    }

    /** A new infection in the area on a day (today when none is given): its countdown starts again from that day. */
    @Transactional
    public RiskArea infection(long id, LocalDate day, String note) {
        RiskStore.Row row = changing(id, REPORTERS);
        LocalDate when = day == null ? today() : day;
        if (when.isAfter(today()) || when.isBefore(row.declaredAt().atZone(zone).toLocalDate())) {
            throw problem("risk.error.day");
        }
        String text = note == null ? "" : note.strip();
        if (CellText.check(text, 200, false).isPresent()) {
            throw problem("risk.error.reason");
        }
        store.event(id, clock.instant(), when, "INFECTION", text, actor());
        if (when.isAfter(row.since())) {
            store.since(id, when);
        }
        audit.record("risk.infection", row.gridCode().substring(0, 12), "area=%d day=%s".formatted(id, when));
        return view(store.find(id).orElseThrow());
    }

    /** A testing round's result on a day: all negative counts towards lifting; a positive one is a new infection. */
    @Transactional
    public RiskArea round(long id, LocalDate day, boolean allNegative) {
        RiskStore.Row row = changing(id, REPORTERS);
        LocalDate when = day == null ? today() : day;
        if (when.isAfter(today()) || when.isBefore(row.declaredAt().atZone(zone).toLocalDate())) {
            throw problem("risk.error.day");
        }
        store.event(id, clock.instant(), when, allNegative ? "ROUND_CLEAN" : "ROUND_POSITIVE", "", actor());
        if (!allNegative && when.isAfter(row.since())) {
            store.since(id, when);
        }
        audit.record("risk.round", row.gridCode().substring(0, 12), "area=%d day=%s allNegative=%s".formatted(id, when, allNegative));
        return view(store.find(id).orElseThrow());
    }

    /**
     * A closed testing round of a grid feeds its active risk areas (the round's service checked its caller): all
     * negative counts towards lifting, a positive one is a new infection. Returns how many areas it fed.
     */
    @Transactional
    public int roundOfGrid(String gridCode, LocalDate day, boolean allNegative, String actor) {
        List<RiskStore.Row> fed = store.activeInGrid(gridCode);
        for (RiskStore.Row row : fed) {
            store.event(row.id(), clock.instant(), day, allNegative ? "ROUND_CLEAN" : "ROUND_POSITIVE", "testing round", actor);
            if (!allNegative && day.isAfter(row.since())) {
                store.since(row.id(), day);
            }
            audit.recordAs(actor, "risk.round", gridCode.substring(0, 12), "area=%d day=%s allNegative=%s source=testing-round"
                    .formatted(row.id(), day, allNegative));
        }
        return fed.size();
    }

    /** Lifts the area one step once its level's rule is met; 409 with what is missing before. */
    @Transactional
    public RiskArea lift(long id) {
        RiskStore.Row row = changing(id, Roles.ORGANISERS);
        RuleSet.Level level = level(row);
        Countdown countdown = countdown(row, level);
        if (!countdown.liftable()) {
            Countdown.Missing first = countdown.missing().getFirst();
            throw new TranslatedProblem(HttpStatus.CONFLICT, first.key(), first.number(), countdown.liftableFrom());
        }
        String to = level.lift() == null ? null : level.lift().to();
        if (to == null) {
            store.lift(id, clock.instant());
            store.event(id, clock.instant(), today(), "LIFTED", row.level(), actor());
        } else {
            store.lower(id, to, today());
            store.event(id, clock.instant(), today(), "LOWERED", row.level() + "→" + to, actor());
        }
        audit.record("risk.lifted", row.gridCode().substring(0, 12), "area=%d from=%s to=%s".formatted(id, row.level(), to == null ? "-" : to));
        return view(store.find(id).orElseThrow());
    }

    private RiskStore.Row changing(long id, Set<Role> roles) {
        RiskStore.Row row = store.lock(id).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "risk.error.not-found"));
        scope.checkChange(row.gridCode().substring(0, 12), roles);
        if (!row.state().equals("ACTIVE")) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "risk.error.lifted");
        }
        return row;
    }

    private String actor() {
        return scope.currentUser().orElseThrow().username();
    }

    private RuleSet.Level level(RiskStore.Row row) {
        return rules.find(row.ruleSet()).flatMap(set -> set.level(row.level()))
                .orElseThrow(() -> new IllegalStateException("rule set " + row.ruleSet() + " no longer has level " + row.level()));
    }

    private Countdown countdown(RiskStore.Row row, RuleSet.Level level) {
        return Countdown.of(level, row.since(), store.cleanRounds(row.id(), row.since()), today());
    }

    private RiskArea view(RiskStore.Row row) {
        Countdown countdown = countdown(row, level(row));
        return new RiskArea(row.id(), row.ruleSet(), row.level(), row.kind(), row.compoundId(), row.buildingId(), row.unit(), row.gridCode(),
                row.label(), row.reason(), row.declaredAt(), row.declaredBy(), row.since(), row.state(), row.version(), countdown,
                countdown.liftableFrom());
    }

    private static TranslatedProblem problem(String key, Object... arguments) {
        return new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, key, arguments);
    }
}
