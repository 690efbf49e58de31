package org.wuyi.staff;

/** A sent-down cadre (下沉干部): who, from which office, to which community, for what period; mobile as the viewer may see it. */
public record SentDownCadre(long id, long personId, String name, String mobile, boolean partyMember, String office,
                            String communityCode, String startDate, String endDate) {
}
