package org.wuyi.region;

import org.wuyi.shared.RegionCode;

/**
 * Gulou's divisions are in place (demo profile). Published whether it was generated now or found from an
 * earlier start, so the next module's demo data can follow: listen to the event of what yours needs.
 */
public record DemoDivisionsReady(RegionCode district) {
}
