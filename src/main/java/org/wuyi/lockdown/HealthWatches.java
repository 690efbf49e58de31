package org.wuyi.lockdown;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.household.Household;
import org.wuyi.household.Households;
import org.wuyi.identity.AuditLog;
import org.wuyi.lockdown.internal.WatchStore;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.CellText;
import org.wuyi.wartime.Acknowledgements;
import org.wuyi.wartime.ActivationBoard;
import org.wuyi.wartime.WartimeGroup;

/**
 * The personnel control group's work (人员管控组): people under home health monitoring (居家健康监测) with their first and
 * last days, a check each day (temperature and symptoms: an impossible temperature is refused, 37.3 °C and above is
 * flagged), the days missed flagged, and a transfer (转运) recorded once.
 */
@Service
public class HealthWatches {

    public static final BigDecimal LOWEST = new BigDecimal("34.0");
    public static final BigDecimal HIGHEST = new BigDecimal("43.0");
    public static final BigDecimal FEVER = new BigDecimal("37.3");
    public static final int MAX_DAYS = 21;

    private final WatchStore store;
    private final GroupLinks links;
    private final ActivationBoard activations;
    private final Households households;
    private final GridDirectory grids;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    HealthWatches(WatchStore store, GroupLinks links, ActivationBoard activations, Households households, GridDirectory grids, AuditLog audit,
                  Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.links = links;
        this.activations = activations;
        this.households = households;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Puts a person of a household of the grid under watch from today for this many days. */
    @Transactional
    public long watch(String token, long buildingId, String room, String name, String reason, int days) {
        Acknowledgements.Holder holder = links.holder(token, WartimeGroup.PERSONNEL_CONTROL);
        String person = text(name, 30, "watch.error.name");
        String why = text(reason, 60, "watch.error.reason");
        if (days < 1 || days > MAX_DAYS) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "watch.error.days", MAX_DAYS);
        }
        Household household = households.inGrid(holder.gridCode(), buildingId, room)
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "supplies.error.room"));
        String building = grids.compound(household.compoundId()).map(CompoundView::name).orElse("") + " " + household.building();
        LocalDate today = today();
        long id = store.insert(new WatchStore.New(holder.activationId(), holder.gridCode(), household.id(), building, household.room(), person,
                why, today, today.plusDays(days - 1L)), clock.instant(), GroupLinks.by(holder));
        audit.recordAs(GroupLinks.by(holder), "watch.started", holder.gridCode(), "watch=%d household=%d days=%d".formatted(id, household.id(), days));
        return id;
    }

    /** Today's check of a watched person; true when it is flagged (fever or symptoms). */
    @Transactional
    public boolean check(String token, long watchId, BigDecimal temperature, String symptoms) {
        Acknowledgements.Holder holder = links.holder(token, WartimeGroup.PERSONNEL_CONTROL);
        WatchedPerson watch = store.find(holder.activationId(), watchId, today())
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "watch.error.not-found"));
        if (watch.transferredTo() != null || today().isAfter(watch.lastDay())) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "watch.error.over");
        }
        if (temperature == null || temperature.compareTo(LOWEST) < 0 || temperature.compareTo(HIGHEST) > 0) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "watch.error.temperature", LOWEST, HIGHEST);
        }
        BigDecimal rounded = temperature.setScale(1, java.math.RoundingMode.HALF_UP);
        String said = symptoms == null ? "" : symptoms.strip();
        if (CellText.check(said, 100, false).isPresent()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "watch.error.symptoms");
        }
        boolean flagged = rounded.compareTo(FEVER) >= 0 || !said.isEmpty();
        store.check(watchId, today(), rounded, said, flagged, clock.instant(), GroupLinks.by(holder));
        audit.recordAs(GroupLinks.by(holder), "watch.checked", holder.gridCode(), "watch=%d temperature=%s flagged=%s".formatted(watchId,
                rounded.toPlainString(), flagged));
        return flagged;
    }

    /** Records that a watched person was transferred (to central isolation, to hospital), once. */
    @Transactional
    public void transfer(String token, long watchId, String to) {
        Acknowledgements.Holder holder = links.holder(token, WartimeGroup.PERSONNEL_CONTROL);
        store.find(holder.activationId(), watchId, today()).orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "watch.error.not-found"));
        String where = text(to, 60, "watch.error.transfer");
        if (!store.transfer(watchId, where, clock.instant())) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "watch.error.transferred");
        }
        audit.recordAs(GroupLinks.by(holder), "watch.transferred", holder.gridCode(), "watch=%d to=%s".formatted(watchId, where));
    }

    /** The grid's buildings by id, for naming a household on the board's form. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> buildingsOf(String token) {
        return links.buildings(links.holder(token, WartimeGroup.PERSONNEL_CONTROL).gridCode());
    }

    /** The group's board: who is watched, today's checks, the missed and the flagged. */
    @Transactional(readOnly = true)
    public List<WatchedPerson> board(String token) {
        return store.ofActivation(links.holder(token, WartimeGroup.PERSONNEL_CONTROL).activationId(), today());
    }

    /** The same for staff signed in (the activation in their region). */
    @Transactional(readOnly = true)
    public List<WatchedPerson> ofActivation(long activationId) {
        activations.activation(activationId);
        return store.ofActivation(activationId, today());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static String text(String value, int max, String code) {
        String text = value == null ? "" : value.strip();
        if (CellText.check(text, max, true).isPresent()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, max);
        }
        return text;
    }
}
