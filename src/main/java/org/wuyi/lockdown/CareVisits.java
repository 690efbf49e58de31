package org.wuyi.lockdown;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.household.VulnerableResident;
import org.wuyi.household.VulnerableResidents;
import org.wuyi.identity.AuditLog;
import org.wuyi.lockdown.internal.SanitationStore;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.CellText;
import org.wuyi.wartime.Acknowledgements;
import org.wuyi.wartime.WartimeGroup;

/**
 * The medical support group's work (医疗保障组): its task list starts with the grid's vulnerable residents — dialysis and
 * regular medicine first — each with the last visit and whether today's is done. Vulnerable residents are shown only to
 * the grid's medical staff (医务人员) in the group; the group's other members are told who may see them.
 */
@Service
public class CareVisits {

    /** A vulnerable resident to visit: when last visited in this activation (null: not yet) and whether today. */
    public record Task(VulnerableResident resident, Instant lastVisit, String lastNote, boolean today) {
    }

    /** The board: {@code allowed} false for a member who is not the grid's medical staff (then no tasks). */
    public record Board(boolean allowed, List<Task> tasks) {
    }

    /** The order visits take: the needs that cannot wait first. */
    private static final List<String> URGENCY = List.of("DIALYSIS", "CHRONIC_MEDICINE", "PREGNANCY", "INFANT", "ALONE_ELDERLY", "DISABILITY");

    private final SanitationStore store;
    private final GroupLinks links;
    private final VulnerableResidents vulnerable;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    CareVisits(SanitationStore store, GroupLinks links, VulnerableResidents vulnerable, AuditLog audit, Clock clock,
               @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.links = links;
        this.vulnerable = vulnerable;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** The medical support group member's board (the list read is audited as them). */
    @Transactional
    public Board board(String token) {
        Acknowledgements.Holder holder = links.holder(token, WartimeGroup.MEDICAL_SUPPORT);
        if (!vulnerable.isMedicalStaff(holder.gridCode(), holder.personId())) {
            return new Board(false, List.of());
        }
        List<VulnerableResident> residents = vulnerable.forMedicalStaff(holder.gridCode(), holder.personId());
        Map<Long, SanitationStore.Visit> last = new HashMap<>();
        store.visits(holder.activationId()).forEach(visit -> last.putIfAbsent(visit.residentId(), visit));
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Task> tasks = residents.stream().map(resident -> {
            SanitationStore.Visit visit = last.get(resident.id());
            return new Task(resident, visit == null ? null : visit.visitedAt(), visit == null ? "" : visit.note(),
                    visit != null && LocalDate.ofInstant(visit.visitedAt(), zone).equals(today));
        }).sorted(Comparator.comparing(Task::today).thenComparing(task -> urgency(task.resident()))).toList();
        return new Board(true, tasks);
    }

    /** Records a visit by one of the grid's medical staff in the group. */
    @Transactional
    public void visit(String token, long residentId, String note) {
        Acknowledgements.Holder holder = links.holder(token, WartimeGroup.MEDICAL_SUPPORT);
        if (!vulnerable.isMedicalStaff(holder.gridCode(), holder.personId())) {
            throw new TranslatedProblem(HttpStatus.FORBIDDEN, "care.error.not-medical");
        }
        String said = note == null ? "" : note.strip();
        if (CellText.check(said, 200, false).isPresent()) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "care.error.note");
        }
        boolean ours = vulnerable.forMedicalStaff(holder.gridCode(), holder.personId()).stream().anyMatch(resident -> resident.id() == residentId);
        if (!ours) {
            throw new TranslatedProblem(HttpStatus.NOT_FOUND, "care.error.not-found");
        }
        long id = store.visit(holder.activationId(), holder.gridCode(), residentId, said, clock.instant(), GroupLinks.by(holder));
        audit.recordAs(GroupLinks.by(holder), "care.visited", holder.gridCode(), "visit=%d resident=%d".formatted(id, residentId));
    }

    private static int urgency(VulnerableResident resident) {
        return resident.kinds().stream().mapToInt(URGENCY::indexOf).min().orElse(URGENCY.size());
    }
}
