package org.wuyi.grid;

import java.util.List;

/** The coverage check of a region: {@code ok} when there is no finding. */
public record CoverageReport(String regionCode, int communitiesChecked, int gridsChecked, boolean ok,
                             List<CoverageFinding> findings) {
}
