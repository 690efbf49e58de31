package org.wuyi.grid.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Reads a grid's shape from a GeoJSON geometry and says, in terms a surveyor understands, why it
 * cannot be a grid: not GeoJSON, not one polygon, too few points, latitude and longitude swapped,
 * outside China, or crossing itself.
 */
public final class ShapeReader {

    /** China's extent in longitude and latitude, generously rounded. */
    private static final Envelope CHINA = new Envelope(73, 136, 3, 54);

    /** A shape, or the reason (message key under {@code grid.shape.*}) and where, if known. */
    public record Outcome(Polygon polygon, String problem, Coordinate at) {
        public boolean ok() {
            return polygon != null;
        }
    }

    private ShapeReader() {
    }

    public static Outcome read(String geoJsonGeometry) {
        Geometry geometry;
        try {
            geometry = new GeoJsonReader(Geo.LON_LAT).read(geoJsonGeometry);
        } catch (ParseException | RuntimeException unreadable) {
            String message = String.valueOf(unreadable.getMessage());
            return failure(message.contains("LinearRing") || message.contains("points") ? "grid.shape.too-few-points"
                    : "grid.shape.unreadable", null);
        }
        return check(geometry);
    }

    public static Outcome check(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return failure("grid.shape.unreadable", null);
        }
        if (!(geometry instanceof Polygon polygon)) {
            return failure("grid.shape.not-polygon", geometry.getCoordinate());
        }
        if (polygon.getExteriorRing().getNumPoints() < 4) {
            return failure("grid.shape.too-few-points", geometry.getCoordinate());
        }
        Envelope envelope = polygon.getEnvelopeInternal();
        if (!CHINA.contains(envelope)) {
            Envelope swapped = new Envelope(envelope.getMinY(), envelope.getMaxY(), envelope.getMinX(), envelope.getMaxX());
            return failure(CHINA.contains(swapped) ? "grid.shape.swapped" : "grid.shape.outside-china", polygon.getCoordinate());
        }
        Polygon reduced = (Polygon) GeometryPrecisionReducer.reducePointwise(polygon, Geo.LON_LAT.getPrecisionModel());
        IsValidOp validity = new IsValidOp(reduced);
        if (!validity.isValid()) {
            TopologyValidationError error = validity.getValidationError();
            return failure("grid.shape.invalid", error.getCoordinate());
        }
        return new Outcome(reduced, null, null);
    }

    private static Outcome failure(String problem, Coordinate at) {
        return new Outcome(null, problem, at);
    }
}
