package org.wuyi.region;

import java.util.Map;

/** A region with the counts of what lies below it ({@code streets}, {@code communities}, and what other modules add). */
public record RegionSummary(Region region, Map<String, Long> counts) {
}
