package org.wuyi.grid.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The grid module's settings: {@code wuyi.grid.coverage-tolerance-m2} (gaps and overlaps smaller than this are
 * rounding, not findings) and {@code wuyi.map.tile-url} (a tile server for the maps; none: grids on a plain background).
 */
@ConfigurationProperties("wuyi")
public record GridProperties(@DefaultValue Grid grid, @DefaultValue Map map) {

    public record Grid(@DefaultValue("1.0") double coverageToleranceM2) {
    }

    public record Map(@DefaultValue("") String tileUrl) {
    }
}
