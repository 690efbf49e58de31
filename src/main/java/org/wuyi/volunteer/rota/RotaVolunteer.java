package org.wuyi.volunteer.rota;

import java.time.LocalDate;
import java.util.Set;

import org.wuyi.volunteer.Skill;
import org.wuyi.volunteer.WeekHours;

/**
 * A volunteer as the rota sees them: where they live (compound, its location, household), what they offered (hours of the week,
 * dates they cannot, most hours a week), what they can do, whether they help a neighbouring compound.
 */
public record RotaVolunteer(long id, String name, long compoundId, double lon, double lat, String household, int age, Set<Skill> skills,
                            WeekHours availability, Set<LocalDate> unavailableDates, int maxHoursPerWeek, boolean helpNeighbours) {

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
