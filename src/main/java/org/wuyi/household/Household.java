package org.wuyi.household;

/**
 * A household as lists show it: its building and room, how many people live there (null: not yet known), the contact
 * mobile masked, notes, and the version an edit must name.
 */
public record Household(long id, long compoundId, long buildingId, String gridCode, String building, String room, Integer people,
                        String mobileMasked, String notes, int version) {
}
