package org.wuyi.staff.internal;

import java.time.LocalDate;
import java.util.List;

import org.wuyi.grid.GridCode;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.ResidentId;
import org.wuyi.staff.StaffRole;

/** One checked row of a roster file: a person in one role in one grid, with what the row says about them. */
public record RosterRow(int line, GridCode grid, String name, String gender, MobileNumber mobile, ResidentId id,
                        boolean party, StaffRole role, LocalDate start, LocalDate end, String compound, String building,
                        String room, String workplace, String email) {

    /** What a row says about the person, to compare rows with each other and with the registry. */
    public List<Object> details() {
        return List.of(gender, mobile.value(), party, compound, building, room, workplace, email);
    }
}
