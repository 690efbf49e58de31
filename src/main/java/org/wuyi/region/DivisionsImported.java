package org.wuyi.region;

/** Divisions were added or renamed by an import of {@code scope} ("all" for the whole country). */
public record DivisionsImported(String scope, long inserted, long updated) {
}
