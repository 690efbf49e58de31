package org.wuyi.grid.internal;

import org.wuyi.grid.GridCode;

/** A compound or work unit as a point in its grid. */
public record PlacePoint(long id, boolean compound, String name, GridCode gridCode, double lon, double lat) {
}
