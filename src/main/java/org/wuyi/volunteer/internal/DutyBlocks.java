package org.wuyi.volunteer.internal;

import java.util.ArrayList;
import java.util.List;

import org.wuyi.volunteer.DutyBlock;

/** Published seats merged into duty blocks: one person's consecutive hours at one post on one day. */
public final class DutyBlocks {

    private DutyBlocks() {
    }

    /** The seats, in time order, merged into blocks. */
    public static List<DutyBlock> of(List<DutyStore.Row> seats) {
        List<DutyBlock> blocks = new ArrayList<>();
        List<DutyStore.Row> run = new ArrayList<>();
        for (DutyStore.Row seat : seats) {
            DutyStore.Row last = run.isEmpty() ? null : run.getLast();
            if (last != null && (last.postId() != seat.postId() || !last.date().equals(seat.date()) || last.hour() + 1 != seat.hour())) {
                blocks.add(block(run));
                run.clear();
            }
            run.add(seat);
        }
        if (!run.isEmpty()) {
            blocks.add(block(run));
        }
        return blocks;
    }

    private static DutyBlock block(List<DutyStore.Row> run) {
        DutyStore.Row first = run.getFirst();
        return new DutyBlock(first.id(), run.stream().map(DutyStore.Row::id).toList(), first.compoundId(), first.postId(), first.gateName(),
                first.date(), first.hour(), run.getLast().hour() + 1, (int) run.stream().filter(seat -> seat.checkedInAt() != null).count());
    }
}
