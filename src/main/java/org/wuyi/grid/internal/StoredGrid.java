package org.wuyi.grid.internal;

import org.locationtech.jts.geom.Geometry;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;

/** A grid as stored: its shape in longitude/latitude and the version that guards concurrent edits. */
public record StoredGrid(GridCode code, GridKind kind, String name, Geometry boundary, boolean active, int version) {
}
