package org.wuyi.volunteer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A volunteer as the community sees them (mobile masked unless the role needs it) and as the API returns them.
 * {@code availability} maps {@code MON} … {@code SUN} to the hours (0–23) they can stand duty.
 */
public record VolunteerView(long id, String communityCode, long compoundId, String compoundName, String gridCode, String building,
                            String room, String name, String gender, String mobile, int age, List<Skill> skills,
                            Map<String, List<Integer>> availability, int hoursOffered, List<LocalDate> unavailableDates,
                            int maxHoursPerWeek, boolean helpNeighbours, VolunteerState state, String declineReason,
                            Long personId, Instant createdAt, Instant updatedAt, int version) {
}
