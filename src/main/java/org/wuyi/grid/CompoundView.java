package org.wuyi.grid;

import java.util.List;

/**
 * A residential compound (小区) with its buildings and gates, as the volunteer sign-up, the gate rota and the API see it.
 * {@code households} is the registered number of households, the denominator of "households signed up".
 */
public record CompoundView(long id, String name, String gridCode, String address, double lon, double lat,
                           boolean hasPropertyManagement, int households, List<String> buildings, List<Gate> gates) {

    /** One gate of the compound, where duty is stood. */
    public record Gate(long id, String name, double lon, double lat) {
    }
}
