package org.wuyi.party;

/** Where a branch committee member comes from (domain: 1格1支部); names in messages ({@code party.source.X}). */
public enum MemberSource {
    /** 在职党员: an in-service party member living in the compound. */
    IN_SERVICE_MEMBER,
    /** 楼栋梯长. */
    BUILDING_LEAD,
    /** 物业负责人. */
    PROPERTY_HEAD,
    /** 业委会成员. */
    OWNERS_COMMITTEE,
    /** 行业主管部门党员 (work-unit branch). */
    AUTHORITY_MEMBER,
    /** 驻区企业党员 (work-unit branch). */
    ENTERPRISE_MEMBER
}
