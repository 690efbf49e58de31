package org.wuyi.grid;

import java.util.List;

/**
 * One thing wrong with a division into grids: its kind, the grids involved (none for a gap no grid
 * touches), where it is (longitude, latitude) and how large (m², zero for a misplaced point).
 */
public record CoverageFinding(Type type, String communityCode, List<String> gridCodes, double lon, double lat,
                              double areaM2) {

    public enum Type {
        /** Part of the community that no grid covers. */
        GAP,
        /** Ground that two grids both claim. */
        OVERLAP,
        /** Part of a grid outside its community. */
        OUTSIDE_COMMUNITY,
        /** A grid whose polygon is not valid (crosses itself, too few points). */
        INVALID_POLYGON,
        /** A compound or work unit lying outside the grid it is assigned to. */
        PLACE_OUTSIDE_GRID,
        /** A residential grid with no compound, or a work-unit grid with no work unit. */
        EMPTY_GRID
    }
}
