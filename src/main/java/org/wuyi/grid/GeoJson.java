package org.wuyi.grid;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** GeoJSON (RFC 7946) features as JSON records; geometry written by JTS with counter-clockwise outer rings. */
public final class GeoJson {

    private GeoJson() {
    }

    public record Feature(String type, @JsonRawValue String geometry, Map<String, Object> properties) {
    }

    public record FeatureCollection(String type, List<Feature> features) {
        public FeatureCollection(List<Feature> features) {
            this("FeatureCollection", features);
        }
    }

    public static Feature feature(Geometry geometry, Map<String, Object> properties) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        writer.setForceCCW(true);
        return new Feature("Feature", writer.write(geometry), properties);
    }
}
