package org.wuyi.lockdown;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.household.Household;
import org.wuyi.household.Households;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.lockdown.internal.TestingStore;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.risk.RiskAreas;
import org.wuyi.shared.CellText;
import org.wuyi.shared.RegionCode;
import org.wuyi.wartime.Acknowledgements;
import org.wuyi.wartime.ActivationBoard;
import org.wuyi.wartime.ActivationState;
import org.wuyi.wartime.ActivationView;
import org.wuyi.wartime.WartimeGroup;

/**
 * Testing rounds (核酸检测组): started on an activated grid by its leader or above, covering the grid's households as they
 * are then; marked household by household — by the testing group's members from their own activation links on a phone,
 * or by staff signed in — each household counted once however often it is marked; the progress building by building,
 * who is not yet tested; closed with its result, which feeds the grid's risk areas' countdowns.
 */
@Service
public class TestingRounds {

    /** A household's line in a round: its mark ({@code status} null: not yet). */
    public record Line(long householdId, String building, String room, Integer people, String status, Integer testedPeople) {
    }

    /** A building's progress: households, those done, the lines. */
    public record Building(String name, int households, int done, List<Line> lines) {
    }

    /** A round and where it stands. */
    public record Progress(long id, long activationId, String gridCode, LocalDate day, String state, int households, int done, int people,
                           Boolean allNegative, String positiveRooms, List<Building> buildings) {
    }

    public static final List<String> STATUSES = List.of("TESTED", "AT_HOME");

    private final TestingStore store;
    private final ActivationBoard activations;
    private final Acknowledgements links;
    private final Households households;
    private final GridDirectory grids;
    private final RiskAreas risk;
    private final RegionScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    TestingRounds(TestingStore store, ActivationBoard activations, Acknowledgements links, Households households, GridDirectory grids,
                  RiskAreas risk,
                  RegionScope scope, AuditLog audit, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.activations = activations;
        this.links = links;
        this.households = households;
        this.grids = grids;
        this.risk = risk;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Starts a round on an activated grid (its leader and above); 409 when the grid is not activated or has a round open. */
    @Transactional
    public Progress start(long activationId) {
        ActivationView activation = activations.activation(activationId);
        scope.checkChange(activation.gridCode(), Roles.CALLERS);
        if (activation.state() != ActivationState.ACTIVE) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "testing.error.not-activated");
        }
        if (activation.drill()) {
            // a round tests residents and its result moves the risk countdown: neither is for a drill
            throw new TranslatedProblem(HttpStatus.CONFLICT, "testing.error.drill");
        }
        String by = scope.currentUser().orElseThrow().username();
        // a grid may hold several compounds, each with its 1座: a building is named with its compound
        Map<Long, String> compoundNames = new java.util.HashMap<>();
        List<Household> list = households.inGrid(activation.gridCode()).stream().map(household -> new Household(household.id(),
                household.compoundId(), household.buildingId(), household.gridCode(),
                compoundNames.computeIfAbsent(household.compoundId(), id -> grids.compound(id).map(CompoundView::name).orElse("")) + " "
                        + household.building(), household.room(), household.people(), household.mobileMasked(), household.notes(),
                household.version())).toList();
        long id = store.start(activationId, activation.gridCode(), LocalDate.now(clock.withZone(zone)), list, clock.instant(), by)
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.CONFLICT, "testing.error.open"));
        audit.record("testing.started", activation.gridCode(), "round=%d activation=%d".formatted(id, activationId));
        return progress(store.find(id).orElseThrow());
    }

    /** A round's progress for staff signed in (inside their region). */
    @Transactional(readOnly = true)
    public Progress progress(long roundId) {
        TestingStore.Round round = store.find(roundId).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "testing.error.not-found"));
        scope.check(round.gridCode());
        return progress(round);
    }

    /** The rounds of an activation, newest first. */
    @Transactional(readOnly = true)
    public List<Progress> ofActivation(long activationId) {
        activations.activation(activationId);
        return store.ofActivation(activationId).stream().map(this::progress).toList();
    }

    /** The open round of the grid a testing group member's link belongs to; empty for anyone else or without a round. */
    @Transactional(readOnly = true)
    public Optional<Progress> openForLink(String token) {
        return tester(token).flatMap(holder -> store.open(holder.gridCode())).map(this::progress);
    }

    /** Marks a household by staff signed in (the grid leader and above, in their region). */
    @Transactional
    public boolean mark(long roundId, long householdId, String status, Integer people) {
        TestingStore.Round round = store.find(roundId).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "testing.error.not-found"));
        scope.checkChange(round.gridCode(), Roles.CALLERS);
        return mark(round, householdId, status, people, scope.currentUser().orElseThrow().username());
    }

    /** Marks a household of the open round by a testing group member's link. */
    @Transactional
    public boolean markByLink(String token, long householdId, String status, Integer people) {
        Acknowledgements.Holder holder = tester(token).orElseThrow(() -> new TranslatedProblem(HttpStatus.FORBIDDEN, "testing.error.link"));
        TestingStore.Round round = store.open(holder.gridCode()).orElseThrow(() -> new TranslatedProblem(HttpStatus.CONFLICT, "testing.error.closed"));
        return mark(round, householdId, status, people, "person:" + holder.personId());
    }

    private boolean mark(TestingStore.Round round, long householdId, String status, Integer people, String by) {
        if (status == null || !STATUSES.contains(status)) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "testing.error.status");
        }
        if (people == null || people < 0 || people > Households.MAX_PEOPLE) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "testing.error.people", Households.MAX_PEOPLE);
        }
        Boolean first = store.mark(round.id(), householdId, status, people, clock.instant(), by)
                .orElseThrow(() -> new TranslatedProblem(round.state().equals("OPEN") ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                        round.state().equals("OPEN") ? "testing.error.household" : "testing.error.closed"));
        audit.recordAs(by, "testing.marked", round.gridCode(), "round=%d household=%d status=%s people=%d first=%s"
                .formatted(round.id(), householdId, status, people, first));
        return first;
    }

    /** Closes a round with its result (the grid leader and above); the grid's risk areas count it. */
    @Transactional
    public Progress close(long roundId, boolean allNegative, String positiveRooms) {
        TestingStore.Round round = store.find(roundId).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "testing.error.not-found"));
        scope.checkChange(round.gridCode(), Roles.CALLERS);
        String rooms = positiveRooms == null ? "" : positiveRooms.strip();
        if (CellText.check(rooms, 500, false).isPresent() || (!allNegative && rooms.isEmpty())) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "testing.error.positive-rooms");
        }
        String by = scope.currentUser().orElseThrow().username();
        if (!store.close(roundId, allNegative, allNegative ? "" : rooms, clock.instant(), by)) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "testing.error.closed");
        }
        int fed = risk.roundOfGrid(round.gridCode(), LocalDate.now(clock.withZone(zone)), allNegative, by);
        audit.record("testing.closed", round.gridCode(), "round=%d allNegative=%s positiveRooms=%s riskAreas=%d".formatted(roundId, allNegative,
                rooms, fed));
        return progress(store.find(roundId).orElseThrow());
    }

    /** The households in open rounds below a region and those marked: the region's live figure. */
    @Transactional(readOnly = true)
    public long[] openCounts(RegionCode region) {
        scope.check(region);
        return store.openCounts(region.value(), region.upperBound());
    }

    private Optional<Acknowledgements.Holder> tester(String token) {
        return links.holder(token).filter(holder -> holder.group() == WartimeGroup.NUCLEIC_ACID_TESTING);
    }

    private Progress progress(TestingStore.Round round) {
        Map<String, List<Line>> byBuilding = new LinkedHashMap<>();
        int done = 0;
        int people = 0;
        for (TestingStore.Line line : store.lines(round.id())) {
            byBuilding.computeIfAbsent(line.building(), name -> new ArrayList<>()).add(new Line(line.householdId(), line.building(), line.room(),
                    line.people(), line.status(), line.testedPeople()));
            if (line.status() != null) {
                done++;
                people += line.testedPeople();
            }
        }
        List<Building> buildings = byBuilding.entrySet().stream().map(entry -> new Building(entry.getKey(), entry.getValue().size(),
                (int) entry.getValue().stream().filter(line -> line.status() != null).count(), entry.getValue())).toList();
        return new Progress(round.id(), round.activationId(), round.gridCode(), round.day(), round.state(), round.households(), done, people,
                round.allNegative(), round.positiveRooms(), buildings);
    }
}
