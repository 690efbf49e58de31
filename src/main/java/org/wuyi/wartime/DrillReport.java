package org.wuyi.wartime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.staff.PersonCard;
import org.wuyi.staff.StaffDirectory;
import org.wuyi.wartime.internal.ActivationStore;

/**
 * A drill's report (演练报告) for the grid's compound: per group, how long to the first and to the last acknowledgement,
 * who never answered, beside the same figures of the grid's previous drill.
 */
@Service
@Transactional(readOnly = true)
public class DrillReport {

    /** One group in a drill: seconds to the first and to full acknowledgement (null: nobody / not everyone answered). */
    public record Group(WartimeGroup group, int people, int acknowledged, Long firstSeconds, Long fullSeconds, List<String> neverAnswered) {
    }

    /** One drill's figures. */
    public record Drill(long activationId, String activatedAt, int people, int acknowledged, Long fullSeconds, List<Group> groups) {
    }

    /** A group this drill beside the same group in the previous one ({@code before} null: no previous, or not in it). */
    public record Line(Group now, Group before) {
    }

    /** The report: this drill and the previous one of the same grid (null when this is the first), group by group. */
    public record Report(String gridCode, String gridName, Drill drill, Drill previous, List<Line> lines) {
    }

    private final ActivationStore activations;
    private final ActivationBoard board;
    private final StaffDirectory staff;

    DrillReport(ActivationStore activations, ActivationBoard board, StaffDirectory staff) {
        this.activations = activations;
        this.board = board;
        this.staff = staff;
    }

    /** The report of a drill in the reader's region (404 outside it or unknown; 409 for a real activation). */
    public Report of(long activationId) {
        ActivationStore.Row row = board.visible(activationId);
        if (!row.drill()) {
            throw new WartimeProblem(HttpStatus.CONFLICT, "problem.wartime.not-drill");
        }
        Drill previous = activations.previousDrill(row.gridCode(), row.id()).map(this::drill).orElse(null);
        Drill drill = drill(row);
        List<Line> lines = drill.groups().stream().map(group -> new Line(group, previous == null ? null : previous.groups().stream()
                .filter(before -> before.group() == group.group()).findFirst().orElse(null))).toList();
        return new Report(row.gridCode(), board.gridName(row.gridCode()), drill, previous, lines);
    }

    private Drill drill(ActivationStore.Row row) {
        List<ActivationStore.Member> members = activations.members(row.id());
        Map<Long, PersonCard> cards = staff.cards(members.stream().map(ActivationStore.Member::personId).toList());
        Map<WartimeGroup, List<ActivationStore.Member>> byGroup = new EnumMap<>(WartimeGroup.class);
        members.forEach(member -> byGroup.computeIfAbsent(member.group(), group -> new ArrayList<>()).add(member));
        List<Group> groups = new ArrayList<>();
        byGroup.forEach((group, list) -> {
            List<Long> seconds = list.stream().map(ActivationStore.Member::acknowledgedAt).filter(java.util.Objects::nonNull)
                    .map(at -> seconds(row.activatedAt(), at)).sorted().toList();
            List<String> never = list.stream().filter(member -> member.acknowledgedAt() == null)
                    .map(member -> cards.containsKey(member.personId()) ? cards.get(member.personId()).name() : "#" + member.personId()).toList();
            groups.add(new Group(group, list.size(), seconds.size(), seconds.isEmpty() ? null : seconds.getFirst(),
                    never.isEmpty() && !seconds.isEmpty() ? seconds.getLast() : null, never));
        });
        long acknowledged = members.stream().filter(member -> member.acknowledgedAt() != null).count();
        Long full = acknowledged == members.size() && !members.isEmpty() ? members.stream()
                .map(member -> seconds(row.activatedAt(), member.acknowledgedAt())).max(Long::compare).orElse(null) : null;
        return new Drill(row.id(), board.time(row.activatedAt()), members.size(), (int) acknowledged, full, groups);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
