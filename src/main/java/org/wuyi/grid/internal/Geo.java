package org.wuyi.grid.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Geometry in longitude/latitude (WGS84, which CGCS2000 matches to centimetres) and the local metric
 * plane used to measure it. Coordinates are kept to 1e-7 degrees (about a centimetre), so that two
 * neighbouring grids drawn from the same line share exactly the same vertices.
 */
public final class Geo {

    public static final GeometryFactory LON_LAT = new GeometryFactory(new PrecisionModel(1e7), 4326);
    /** The metric plane: coordinates in metres from a local origin, full double precision. */
    public static final GeometryFactory METRES = new GeometryFactory();

    private Geo() {
    }

    public static byte[] wkb(Geometry geometry) {
        return new WKBWriter(2).write(geometry);
    }

    public static Geometry fromWkb(byte[] wkb) {
        try {
            return new WKBReader(LON_LAT).read(wkb);
        } catch (ParseException exception) {
            throw new IllegalStateException("stored geometry is not WKB", exception);
        }
    }

    public static Point point(double lon, double lat) {
        return LON_LAT.createPoint(new Coordinate(lon, lat));
    }

    /** Metres per degree of latitude and of longitude at a latitude (the WGS84 ellipsoid's series). */
    static double[] metresPerDegree(double latitude) {
        double phi = Math.toRadians(latitude);
        double lat = 111132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
        double lon = 111412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
        return new double[] {lon, lat};
    }

    /**
     * A plane in metres around an origin: over a district (ten kilometres) areas agree with the
     * ellipsoid to a fraction of a per cent, which is what a coverage check needs.
     */
    public record LocalPlane(Coordinate origin, AffineTransformation toMetres, AffineTransformation toLonLat) {

        public static LocalPlane around(Coordinate origin) {
            double[] scale = metresPerDegree(origin.y);
            AffineTransformation toMetres = AffineTransformation.translationInstance(-origin.x, -origin.y)
                    .scale(scale[0], scale[1]);
            AffineTransformation toLonLat = AffineTransformation.scaleInstance(1 / scale[0], 1 / scale[1])
                    .translate(origin.x, origin.y);
            return new LocalPlane(origin, toMetres, toLonLat);
        }

        public Geometry metres(Geometry lonLat) {
            Geometry copy = METRES.createGeometry(lonLat);
            return toMetres.transform(copy);
        }

        public Coordinate lonLat(Coordinate metres) {
            Coordinate result = new Coordinate();
            toLonLat.transform(metres, result);
            return result;
        }
    }

    /** The area of a longitude/latitude geometry in square metres. */
    public static double areaM2(Geometry lonLat) {
        if (lonLat.isEmpty()) {
            return 0;
        }
        return LocalPlane.around(lonLat.getEnvelopeInternal().centre()).metres(lonLat).getArea();
    }
}
