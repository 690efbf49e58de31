package org.wuyi.identity;

/** What a user does in Wuyi; the region they may see comes with their account, not with the role. */
public enum Role {
    /** 区委组织部: the whole district. */
    DISTRICT_ADMIN,
    /** 街镇党(工)委: one street or town. */
    STREET_OFFICER,
    /** 社区党委书记: one community. */
    COMMUNITY_SECRETARY,
    /** 网格长: one grid. */
    GRID_LEADER,
    /** 督导: reads a region to supervise it. */
    SUPERVISOR
}
