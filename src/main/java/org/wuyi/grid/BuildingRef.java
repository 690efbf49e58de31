package org.wuyi.grid;

/** A building by its id: which compound it stands in, and its name. */
public record BuildingRef(long id, long compoundId, String name) {
}
