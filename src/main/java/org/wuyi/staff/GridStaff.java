package org.wuyi.staff;

import java.util.List;

/**
 * The six staff of one grid on a day, by role in the order of {@link StaffRole}; mobiles in full only
 * when the viewer's role needs them to call ({@code mobilesMasked} says which).
 */
public record GridStaff(String gridCode, String date, boolean mobilesMasked, List<Member> members,
                        List<StaffRole> missingRoles) {

    public record Member(long personId, String name, String gender, String mobile, boolean partyMember, StaffRole role,
                         String since) {
    }
}
