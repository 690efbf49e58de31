package org.wuyi.household;

import java.util.List;

/**
 * A vulnerable resident (重点人群) of a household: who, of which kinds ({@link VulnerableResidents#KINDS}), what they need
 * and who looks after them, and the version an edit must name.
 */
public record VulnerableResident(long id, long householdId, String gridCode, String building, String room, String name, List<String> kinds,
                                 String needs, String carer, int version) {
}
