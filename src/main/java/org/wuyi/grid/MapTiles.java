package org.wuyi.grid;

import org.springframework.stereotype.Component;
import org.wuyi.grid.internal.GridProperties;

/**
 * The tile server the maps draw on ({@code wuyi.map.tile-url}, e.g. the city's own); empty when none is configured:
 * then the maps draw grids and compounds on a plain background and no request leaves for a tile server.
 */
@Component
public class MapTiles {

    private final String url;

    MapTiles(GridProperties properties) {
        this.url = properties.map().tileUrl();
    }

    /** The tile URL template ({@code {z}/{x}/{y}}), or empty. */
    public String url() {
        return url;
    }
}
