package org.wuyi.volunteer.rota;

import java.time.LocalDate;
import java.util.Set;

import org.wuyi.volunteer.Skill;
import org.wuyi.volunteer.WeekHours;

/**
 * A volunteer as the rota sees them: where they live (compound, its location, household), what they offered (hours of the week,
 * dates they cannot, most hours a week), what they can do, whether they help a neighbouring compound, and the gate of
 * their compound they would rather stand at (null: any).
 */
public record RotaVolunteer(long id, String name, long compoundId, double lon, double lat, String household, int age, Set<Skill> skills,
                            WeekHours availability, Set<LocalDate> unavailableDates, int maxHoursPerWeek, boolean helpNeighbours,
                            Long preferredGateId) {

    /** A volunteer without a preferred gate. */
    public RotaVolunteer(long id, String name, long compoundId, double lon, double lat, String household, int age, Set<Skill> skills,
                         WeekHours availability, Set<LocalDate> unavailableDates, int maxHoursPerWeek, boolean helpNeighbours) {
        this(id, name, compoundId, lon, lat, household, age, skills, availability, unavailableDates, maxHoursPerWeek, helpNeighbours, null);
    }

    /** The same volunteer kept away on other dates too (a no-show's day). */
    public RotaVolunteer withUnavailableDates(Set<LocalDate> dates) {
        return new RotaVolunteer(id, name, compoundId, lon, lat, household, age, skills, availability, dates, maxHoursPerWeek, helpNeighbours,
                preferredGateId);
    }

    /** True when they named a gate of their own compound and this post is at another gate of it. */
    public boolean elsewhereThanPreferred(RotaPost post) {
        return preferredGateId != null && post.compoundId() == compoundId && post.gateId() != preferredGateId;
    }

    /** From this age a volunteer is "older": not at night and only at posts that suit them. */
    public static final int OLDER = 60;

    public boolean older() {
        return age >= OLDER;
    }

    public boolean availableAt(LocalDate date, int hour) {
        return availability.has(date.getDayOfWeek(), hour) && !unavailableDates.contains(date);
    }

    @Override
    public String toString() {
        return name + "#" + id;
    }
}
