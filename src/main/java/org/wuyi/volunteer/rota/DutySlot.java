package org.wuyi.volunteer.rota;

import java.time.LocalDate;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * One seat at one post for one hour of one day: the unit the rota fills. Left empty when no volunteer fits (a gap,
 * reported with its reason, never a failure). Pinned when it belongs to a published rota that a repair must keep.
 */
@PlanningEntity
public class DutySlot {

    @PlanningId
    private long id;
    private RotaPost post;
    private LocalDate date;
    private int hour;
    private int seat;
    /** Hours since the rota's first day at 00:00: consecutive hours differ by one, across midnight too. */
    private int index;

    @PlanningVariable(valueRangeProviderRefs = "candidates", allowsUnassigned = true)
    private RotaVolunteer volunteer;

    /** Who may stand here at all: the compound's own volunteers, and neighbours who offered where there is no property management. */
    private List<RotaVolunteer> candidates = List.of();

    @PlanningPin
    private boolean pinned;

    DutySlot() {
    }

    public DutySlot(long id, RotaPost post, LocalDate date, int hour, int seat, int index) {
        this.id = id;
        this.post = post;
        this.date = date;
        this.hour = hour;
        this.seat = seat;
        this.index = index;
    }

    public long getId() {
        return id;
    }

    public RotaPost getPost() {
        return post;
    }

    public LocalDate getDate() {
        return date;
    }

    public int getHour() {
        return hour;
    }

    public int getSeat() {
        return seat;
    }

    public int getIndex() {
        return index;
    }

    @ValueRangeProvider(id = "candidates")
    public List<RotaVolunteer> getCandidates() {
        return candidates;
    }

    void setCandidates(List<RotaVolunteer> candidates) {
        this.candidates = candidates;
    }

    public RotaVolunteer getVolunteer() {
        return volunteer;
    }

    public void setVolunteer(RotaVolunteer volunteer) {
        this.volunteer = volunteer;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    @Override
    public String toString() {
        return post + " " + date + " " + hour + ":00 seat " + seat + " -> " + volunteer;
    }
}
