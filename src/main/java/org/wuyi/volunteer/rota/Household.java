package org.wuyi.volunteer.rota;

/** A household (compound, building, room) and the minutes its volunteers stood in the 28 days before the rota. */
public record Household(String key, long minutesServedBefore) {
}
