package org.wuyi.lockdown;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundView;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.lockdown.internal.SanitationStore;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.CellText;
import org.wuyi.wartime.Acknowledgements;
import org.wuyi.wartime.ActivationBoard;
import org.wuyi.wartime.WartimeGroup;

/**
 * The sanitation group's work (环卫消杀组): a log of disinfections per building of the grid and per public area (a gate,
 * the refuse point, a lift hall), with times and what was used; the board shows each building's last time and which are
 * not yet done today.
 */
@Service
public class Sanitation {

    /** A building of the grid and when it was last disinfected in this activation (null: not yet). */
    public record Place(long buildingId, String name, Instant last, boolean today) {
    }

    /** The board: the grid's buildings, and the whole log newest first. */
    public record Board(List<Place> buildings, List<Disinfection> log) {
    }

    private final SanitationStore store;
    private final GroupLinks links;
    private final ActivationBoard activations;
    private final GridDirectory grids;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    Sanitation(SanitationStore store, GroupLinks links, ActivationBoard activations, GridDirectory grids, AuditLog audit, Clock clock,
               @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.links = links;
        this.activations = activations;
        this.grids = grids;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** Logs a disinfection of a building of the grid ({@code buildingId}) or of a public area named in {@code area}. */
    @Transactional
    public long record(String token, Long buildingId, String area, String agent) {
        Acknowledgements.Holder holder = links.holder(token, WartimeGroup.SANITATION);
        String used = agent == null ? "" : agent.strip();
        if (CellText.check(used, 60, false).isPresent()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "sanitation.error.agent");
        }
        String place;
        if (buildingId != null) {
            place = buildings(holder.gridCode()).get(buildingId);
            if (place == null) {
                throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "sanitation.error.building");
            }
        } else {
            place = area == null ? "" : area.strip();
            if (CellText.check(place, 60, true).isPresent()) {
                throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "sanitation.error.area");
            }
        }
        long id = store.insert(holder.activationId(), holder.gridCode(), buildingId, place, used, clock.instant(), GroupLinks.by(holder));
        audit.recordAs(GroupLinks.by(holder), "sanitation.logged", holder.gridCode(), "entry=%d place=%s".formatted(id, place));
        return id;
    }

    @Transactional(readOnly = true)
    public Board board(String token) {
        Acknowledgements.Holder holder = links.holder(token, WartimeGroup.SANITATION);
        return board(holder.activationId(), holder.gridCode());
    }

    /** The same for staff signed in (the activation in their region). */
    @Transactional(readOnly = true)
    public Board ofActivation(long activationId) {
        return board(activationId, activations.activation(activationId).gridCode());
    }

    private Board board(long activationId, String gridCode) {
        List<Disinfection> log = store.log(activationId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Place> places = new ArrayList<>();
        buildings(gridCode).forEach((id, name) -> {
            Instant last = log.stream().filter(entry -> id.equals(entry.buildingId())).map(Disinfection::doneAt).findFirst().orElse(null);
            places.add(new Place(id, name, last, last != null && LocalDate.ofInstant(last, zone).equals(today)));
        });
        places.sort((a, b) -> Boolean.compare(a.today(), b.today()));
        return new Board(places, log);
    }

    private Map<Long, String> buildings(String gridCode) {
        return links.buildings(gridCode);
    }
}
