package org.wuyi.staff;

/** The six kinds of grid staff (六大员); names in messages ({@code staff.role.X}). */
public enum StaffRole {
    /** 社区干部(网格员). */
    GRID_WORKER,
    /** 公安干警. */
    POLICE,
    /** 医务人员. */
    MEDICAL,
    /** 楼栋梯长. */
    BUILDING_LEAD,
    /** 物业管理(保安)人员. */
    PROPERTY_SECURITY,
    /** 志愿者. */
    VOLUNTEER
}
