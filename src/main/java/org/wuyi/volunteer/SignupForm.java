package org.wuyi.volunteer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A sign-up as a resident sends it (the API's JSON, or the page's fields): the household (compound, building, room),
 * the person, the hours they can stand duty, the most hours a week, whether they help a neighbouring compound, their
 * consent, the code sent to their mobile, and (optionally) the gate of their compound they would rather stand at. Anything may be missing or wrong: {@link SignupService} says what.
 */
public record SignupForm(Long compoundId, String building, String room, String name, String gender, String mobile, Integer age,
                         List<String> skills, Map<String, List<Integer>> availability, List<Integer> slots,
                         List<LocalDate> unavailableDates, Integer maxHoursPerWeek, Boolean helpNeighbours, Boolean consent,
                         String code, Long preferredGateId) {
}
