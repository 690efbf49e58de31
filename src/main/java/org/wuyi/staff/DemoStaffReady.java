package org.wuyi.staff;

import org.wuyi.shared.RegionCode;

/**
 * The demo district's six staff and sent-down cadres are in place (demo profile). Published whether it was generated now or found from an
 * earlier start, so the next module's demo data can follow: listen to the event of what yours needs.
 */
public record DemoStaffReady(RegionCode district) {
}
