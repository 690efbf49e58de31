package org.wuyi.lockdown;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.lockdown.internal.WatchStore;
import org.wuyi.risk.RiskArea;
import org.wuyi.risk.RiskAreas;
import org.wuyi.shared.RegionCode;
import org.wuyi.wartime.ActivationBoard;
import org.wuyi.wartime.ActivationView;

/**
 * A compound in wartime on one page, for its grid leader (and the community above): its risk areas with their
 * countdowns, the grid's activation (in force, or the last one as history), today's testing round, the open supply
 * orders, the people under watch who missed a check or were flagged, and who in the groups has not acknowledged.
 */
@Service
public class CompoundWartime {

    /** What the page shows; {@code activation} null when the grid was never activated. */
    public record Summary(CompoundView compound, List<RiskArea> areas, ActivationView activation, TestingRounds.Progress round,
                          List<Supplies.Building> supplies, int openOrders, int delivered, List<WatchedPerson> attention, int watched,
                          List<ActivationView.Person> unacknowledged, Sanitation.Board sanitation) {
    }

    private final CompoundService compounds;
    private final RiskAreas risk;
    private final ActivationBoard activations;
    private final TestingRounds rounds;
    private final Supplies supplies;
    private final HealthWatches watches;
    private final Sanitation sanitation;
    private final Clock clock;
    private final ZoneId zone;

    CompoundWartime(CompoundService compounds, RiskAreas risk, ActivationBoard activations, TestingRounds rounds, Supplies supplies,
                    HealthWatches watches, Sanitation sanitation, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.compounds = compounds;
        this.risk = risk;
        this.activations = activations;
        this.rounds = rounds;
        this.supplies = supplies;
        this.watches = watches;
        this.sanitation = sanitation;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public Summary of(long compoundId) {
        CompoundView compound = compounds.compound(compoundId);
        String grid = compound.gridCode();
        List<RiskArea> areas = risk.active(RegionCode.of(grid.substring(0, 12))).stream().filter(area -> area.compoundId() == compoundId).toList();
        Optional<ActivationView> latest = activations.history(grid).stream().findFirst().map(headline -> activations.activation(headline.id()));
        if (latest.isEmpty()) {
            return new Summary(compound, areas, null, null, List.of(), 0, 0, List.of(), 0, List.of(), null);
        }
        ActivationView activation = latest.get();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        TestingRounds.Progress round = rounds.ofActivation(activation.id()).stream()
                .filter(each -> each.state().equals("OPEN") || each.day().equals(today)).findFirst().orElse(null);
        List<Supplies.Building> orders = supplies.ofActivation(activation.id());
        List<WatchedPerson> watched = watches.ofActivation(activation.id());
        return new Summary(compound, areas, activation, round, orders, orders.stream().mapToInt(building -> building.open().size()).sum(),
                orders.stream().mapToInt(Supplies.Building::delivered).sum(),
                watched.stream().filter(row -> row.transferredTo() == null && (row.missedDays() > 0 || row.flagged())).toList(),
                (int) watched.stream().filter(row -> row.transferredTo() == null && !row.lastDay().isBefore(today)).count(),
                activation.people().stream().filter(person -> person.acknowledgedAt() == null).toList(),
                sanitation.ofActivation(activation.id()));
    }
}
