package org.wuyi.grid;

import org.wuyi.shared.RegionCode;

/** Grids were added, redrawn or retired somewhere in {@code region}. */
public record GridsChanged(RegionCode region) {
}
