package org.wuyi.wartime;

import java.util.List;

/**
 * Published once per activation (of one grid or of many at once) and per stand-down, in its transaction: which grids
 * changed, whether it was a drill, and whether they went to war or back to peace. For screens that show wartime live.
 */
public record ActivationsChanged(List<String> gridCodes, boolean drill, boolean stoodDown) {
}
