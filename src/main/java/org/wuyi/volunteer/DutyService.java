package org.wuyi.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.CompoundView;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.identity.Roles;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.shared.MobileNumber;
import org.wuyi.volunteer.internal.DutyBlocks;
import org.wuyi.volunteer.internal.DutyStore;
import org.wuyi.volunteer.internal.RotaRepair;
import org.wuyi.volunteer.internal.VolunteerLinks;
import org.wuyi.volunteer.internal.VolunteerRepository;

/**
 * The published rota at the gate: a volunteer's own hours (by their personal link), checking in — by the volunteer's link
 * from half an hour before a duty until its end, or by the grid leader and those above for anyone — and a no-show, which
 * takes the person off the rest of that day's hours and re-solves only those seats, the rest of the rota pinned.
 * A withdrawal does the same for all the volunteer's hours to come.
 */
@Service
public class DutyService {

    /** Half an hour before a duty its volunteer may check in. */
    public static final Duration EARLY = Duration.ofMinutes(30);

    /** What a no-show or a withdrawal changed. */
    public record Repaired(int freed, int filled, int gaps, long millis, int told) {
        static Repaired of(RotaRepair.Result result) {
            return new Repaired(result.freed(), result.filled(), result.gaps(), result.millis(), result.told().size());
        }
    }

    private final DutyStore duties;
    private final VolunteerRepository volunteers;
    private final VolunteerLinks links;
    private final RotaRepair repair;
    private final CompoundService compounds;
    private final RegionScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    DutyService(DutyStore duties, VolunteerRepository volunteers, VolunteerLinks links, RotaRepair repair, CompoundService compounds,
                RegionScope scope, AuditLog audit, Clock clock, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.duties = duties;
        this.volunteers = volunteers;
        this.links = links;
        this.repair = repair;
        this.compounds = compounds;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /** The hours a genuine, current link's volunteer stands from today on, as duty blocks; empty for anything else. */
    @Transactional(readOnly = true)
    public Optional<List<DutyBlock>> mine(String token) {
        return volunteer(token).map(row -> DutyBlocks.of(duties.ofVolunteer(row.id(), today().atStartOfDay(zone).toInstant())));
    }

    /** True when a block may be checked in now by its volunteer (from half an hour before it until its end, not yet stood). */
    public boolean checkInOpen(DutyBlock block) {
        Instant now = clock.instant();
        return !block.stood() && !now.isBefore(start(block).minus(EARLY)) && now.isBefore(end(block));
    }

    /** The volunteer checks in at one of their duties by their link; false when the link or the duty is not theirs. */
    @Transactional
    public boolean checkInByLink(String token, long blockId) {
        Optional<VolunteerRepository.Row> volunteer = volunteer(token);
        if (volunteer.isEmpty()) {
            return false;
        }
        Optional<DutyBlock> block = blockOf(volunteer.get().id(), blockId);
        if (block.isEmpty()) {
            return false;
        }
        if (!checkInOpen(block.get())) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "duty.check-in-closed");
        }
        String by = "resident:" + MobileNumber.of(volunteer.get().mobile()).masked();
        duties.checkIn(block.get().ids(), by, clock.instant());
        audit.recordAs(by, "volunteer.checked-in", volunteer.get().communityCode(), "volunteer=%d duty=%d".formatted(volunteer.get().id(), blockId));
        return true;
    }

    /** The grid leader (or above) checks a volunteer in at the duty this seat belongs to. */
    @Transactional
    public DutyBlock checkIn(long seatId) {
        DutyStore.Row seat = seat(seatId);
        DutyBlock block = blockOf(seat.volunteerId(), seatId).orElseThrow();
        if (clock.instant().isBefore(start(block).minus(EARLY))) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "duty.not-yet");
        }
        duties.checkIn(block.ids(), scope.currentUser().orElseThrow().username(), clock.instant());
        audit.record("volunteer.checked-in", seat.communityCode(), "volunteer=%d duty=%d".formatted(seat.volunteerId(), block.id()));
        return blockOf(seat.volunteerId(), seatId).orElseThrow();
    }

    /**
     * The volunteer of this seat did not come: they are off the rest of that day's hours (from the current hour on, not
     * already stood), kept away that day, and only those seats are filled again.
     */
    @Transactional
    public Repaired noShow(long seatId) {
        DutyStore.Row seat = seat(seatId);
        DutyBlock block = blockOf(seat.volunteerId(), seatId).orElseThrow();
        Instant now = clock.instant();
        if (now.isBefore(start(block))) {
            throw new TranslatedProblem(HttpStatus.UNPROCESSABLE_CONTENT, "duty.not-yet");
        }
        Instant dayEnd = seat.date().plusDays(1).atStartOfDay(zone).toInstant();
        List<Long> rest = duties.ofVolunteer(seat.volunteerId(), now.minus(Duration.ofHours(1))).stream()
                .filter(row -> row.startsAt().isBefore(dayEnd) && row.startsAt().plus(Duration.ofHours(1)).isAfter(now))
                .filter(row -> row.checkedInAt() == null).map(DutyStore.Row::id).toList();
        if (rest.isEmpty()) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "duty.nothing-to-repair");
        }
        RotaRepair.Result result = repair.repair(seat.compoundId(), rest, seat.volunteerId(), seat.date(), "no-show:" + seatId);
        audit.record("volunteer.no-show", seat.communityCode(), "volunteer=%d duty=%d freed=%d filled=%d told=%d".formatted(
                seat.volunteerId(), block.id(), result.freed(), result.filled(), result.told().size()));
        return Repaired.of(result);
    }

    /** A volunteer withdrew: every hour of theirs to come is freed and filled again, compound by compound. */
    @Transactional
    public Repaired withdrawn(long volunteerId) {
        Map<Long, List<Long>> byCompound = new LinkedHashMap<>();
        Instant now = clock.instant();
        duties.ofVolunteer(volunteerId, now.minus(Duration.ofHours(1))).stream()
                .filter(row -> row.checkedInAt() == null && row.startsAt().plus(Duration.ofHours(1)).isAfter(now))
                .forEach(row -> byCompound.computeIfAbsent(row.compoundId(), id -> new ArrayList<>()).add(row.id()));
        int freed = 0;
        int filled = 0;
        int gaps = 0;
        long millis = 0;
        int told = 0;
        for (Map.Entry<Long, List<Long>> entry : byCompound.entrySet()) {
            RotaRepair.Result result = repair.repair(entry.getKey(), entry.getValue(), null, null, "withdrawal:" + volunteerId);
            freed += result.freed();
            filled += result.filled();
            gaps += result.gaps();
            millis += result.millis();
            told += result.told().size();
        }
        return new Repaired(freed, filled, gaps, millis, told);
    }

    private DutyStore.Row seat(long seatId) {
        DutyStore.Row seat = duties.find(seatId).filter(row -> scope.covers(row.communityCode()))
                .orElseThrow(() -> new TranslatedProblem(HttpStatus.NOT_FOUND, "duty.not-found"));
        CompoundView compound = compounds.compound(seat.compoundId());
        scope.checkChange(compound.gridCode(), Roles.CALLERS);
        if (seat.volunteerId() == null) {
            throw new TranslatedProblem(HttpStatus.CONFLICT, "duty.empty-seat");
        }
        return seat;
    }

    /** The block of a volunteer's hours that a seat of theirs belongs to (its id is its first seat's). */
    private Optional<DutyBlock> blockOf(long volunteerId, long seatId) {
        return duties.find(seatId).filter(seat -> seat.volunteerId() != null && seat.volunteerId() == volunteerId)
                .flatMap(seat -> DutyBlocks.of(duties.ofVolunteer(volunteerId, seat.date().atStartOfDay(zone).toInstant())).stream()
                        .filter(block -> block.ids().contains(seatId)).findFirst());
    }

    private Optional<VolunteerRepository.Row> volunteer(String token) {
        return links.verify(token).flatMap(claim -> volunteers.find(claim.volunteerId()).filter(row -> row.linkEpoch() == claim.epoch()));
    }

    private Instant start(DutyBlock block) {
        return block.date().atTime(block.fromHour(), 0).atZone(zone).toInstant();
    }

    private Instant end(DutyBlock block) {
        return block.date().atStartOfDay(zone).plusHours(block.toHour()).toInstant();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
