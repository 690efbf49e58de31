package org.wuyi.party;

import org.wuyi.shared.RegionCode;

/**
 * The demo district's committees and grid branches are in place (demo profile). Published whether it was generated now or found from an
 * earlier start, so the next module's demo data can follow: listen to the event of what yours needs.
 */
public record DemoPartyReady(RegionCode district) {
}
