package org.wuyi.identity;

/**
 * What a user does in Wuyi; the region they may see comes with their account, not with the role. The business
 * roles form a ladder ({@link #rank()}): an account may only make accounts of a lower rank. The three
 * administrators of 三员分立 stand beside the ladder and do no business work: each does one job no other can.
 */
public enum Role {
    /** 区委组织部: the whole district. */
    DISTRICT_ADMIN(4),
    /** 街镇党(工)委: one street or town. */
    STREET_OFFICER(3),
    /** 社区党委书记: one community. */
    COMMUNITY_SECRETARY(2),
    /** 网格长: one grid (the account's region is the grid's community; the grid comes from the person it is tied to). */
    GRID_LEADER(1),
    /** 督导: reads a region to supervise it. */
    SUPERVISOR(2),
    /** 系统管理员: accounts and settings; cannot read the audit log. */
    SYSTEM_ADMIN(0),
    /** 安全管理员: password rules, unlocks, sessions, login history; cannot create accounts. */
    SECURITY_ADMIN(0),
    /** 审计管理员: reads and exports the audit log; changes nothing. */
    AUDIT_ADMIN(0);

    private final int rank;

    Role(int rank) {
        this.rank = rank;
    }

    /** A business role's place on the ladder (4 district … 1 grid leader); 0 for the three administrators. */
    public int rank() {
        return rank;
    }

    /** One of the three administrators (三员), who see no business data. */
    public boolean isAdministrator() {
        return rank == 0;
    }
}
