package org.wuyi.grid;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** A grid as the API shows it: {@code geometry} is a GeoJSON Polygon; send {@code version} back with a change. */
public record GridView(String code, String name, GridKind kind, GridStatus status, int version, String communityCode,
                       @JsonRawValue String geometry) {
}
