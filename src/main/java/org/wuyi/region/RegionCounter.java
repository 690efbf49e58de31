package org.wuyi.region;

import java.util.Map;

import org.wuyi.shared.RegionCode;

/**
 * Adds counts to a region's summary. Each module that keeps things inside regions (grids, staff, …)
 * provides one; the names it returns become fields of {@code /api/v1/regions/{code}/summary} and
 * rows of the region page, labelled by the message {@code summary.<name>}.
 */
public interface RegionCounter {

    /** Counts of this module's things at or below the region, in display order. */
    Map<String, Long> countBelow(RegionCode code);
}
