package org.wuyi.staff;

/**
 * A person as another module needs them to check or show a role: the full mobile is here, so whoever
 * shows it decides whether the viewer may see it ({@link org.wuyi.shared.MobileNumber#masked()}).
 */
public record PersonCard(long id, String name, String gender, String mobile, boolean partyMember, String regionCode) {
}
