package org.wuyi.volunteer;

import java.time.LocalDate;
import java.util.List;

/**
 * A run of one person's consecutive hours at one post on one day ("周三 07:00–11:00 东门"): how a duty is shown, checked
 * in and told. {@code ids} are its hourly seats; {@code checkedIn} how many of them are marked stood.
 */
public record DutyBlock(long id, List<Long> ids, long compoundId, long postId, String gateName, LocalDate date, int fromHour, int toHour,
                        int checkedIn) {

    public int hours() {
        return toHour - fromHour;
    }

    public boolean stood() {
        return checkedIn == ids.size();
    }
}
