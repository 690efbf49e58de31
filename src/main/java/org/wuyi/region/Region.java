package org.wuyi.region;

import org.wuyi.shared.RegionCode;

/** One administrative division. {@code parentCode} is null for a province. */
public record Region(RegionCode code, String name, RegionLevel level, RegionCode parentCode) {
}
