package org.wuyi.volunteer;

/**
 * A post at a gate: {@code headcount} people from {@code fromHour}:00 to {@code toHour}:00 on the days marked in
 * {@code days} (seven characters, Monday first, {@code 1} = staffed); {@code suitsOlder} false keeps volunteers of 60
 * and over away (a busy gate); {@code requiredSkill} (may be null) binds it to trained people. Night hours (22:00–06:00)
 * never go to older volunteers, whatever the post.
 */
public record GatePost(long id, long compoundId, long gateId, String gateName, int headcount, int fromHour, int toHour, String days,
                       boolean suitsOlder, Skill requiredSkill, int version) {

    public boolean staffedOn(java.time.DayOfWeek day) {
        return days.charAt(day.getValue() - 1) == '1';
    }

    /** Seat-hours a week. */
    public int seatHoursPerWeek() {
        return headcount * (toHour - fromHour) * (int) days.chars().filter(c -> c == '1').count();
    }
}
