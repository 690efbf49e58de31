package org.wuyi.grid.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import org.wuyi.grid.CoverageFinding.Type;
import org.wuyi.grid.CoverageFinding;
import org.wuyi.grid.GridCode;
import org.wuyi.shared.RegionCode;

/**
 * Checks that a community's grids tile it: no gap, no overlap, nothing outside it, every polygon
 * valid, every compound and work unit inside its own grid, no grid empty. Areas are measured on a
 * local metric plane. A piece counts only when it is both larger than the area tolerance and wider
 * than {@link #MIN_WIDTH_M} on average (twice its area over its perimeter): coordinates are kept to
 * about a centimetre, so two surveys of one street line differ by centimetre-wide slivers that can
 * run for hundreds of metres; they are rounding, not findings.
 * Candidate pairs for overlaps come from an STR-tree, so the work grows with the grids' neighbours,
 * not with the square of their number.
 */
public final class CoverageChecker {

    /**
     * Two grids overlap when their interiors meet; grids that only share an edge (every neighbour in a
     * tiling) do not, and RelateNG tells the two apart without computing the shared edge. (A pattern,
     * not a shared predicate object: RelateNG's predicates keep state between evaluations.)
     */
    private static final String INTERIORS_MEET = "T********";

    /** Slivers thinner than this are the rounding of a shared line (a surveyor's tolerance is a few centimetres). */
    static final double MIN_WIDTH_M = 0.05;

    private final double toleranceM2;

    public CoverageChecker(double toleranceM2) {
        this.toleranceM2 = toleranceM2;
    }

    /** One community's findings. A community without a boundary is checked for everything but gaps and overreach. */
    public List<CoverageFinding> check(RegionCode community, Geometry boundary, List<StoredGrid> grids,
                                       List<PlacePoint> places) {
        List<CoverageFinding> findings = new ArrayList<>();
        Coordinate origin = boundary != null ? boundary.getEnvelopeInternal().centre()
                : grids.isEmpty() ? new Coordinate() : grids.getFirst().boundary().getEnvelopeInternal().centre();
        Geo.LocalPlane plane = Geo.LocalPlane.around(origin);
        String communityCode = community.value();

        Map<GridCode, Geometry> valid = new HashMap<>();
        STRtree index = new STRtree();
        for (StoredGrid grid : grids) {
            Geometry shape = plane.metres(grid.boundary());
            IsValidOp validity = new IsValidOp(shape);
            if (!validity.isValid()) {
                TopologyValidationError error = validity.getValidationError();
                Coordinate at = error.getCoordinate() != null ? error.getCoordinate() : shape.getCentroid().getCoordinate();
                findings.add(finding(Type.INVALID_POLYGON, communityCode, List.of(grid.code().value()), plane, at, 0));
                continue;
            }
            valid.put(grid.code(), shape);
            index.insert(shape.getEnvelopeInternal(), grid.code());
        }
        index.build();

        List<GridCode> codes = valid.keySet().stream().sorted(Comparator.comparing(GridCode::value)).toList();
        for (GridCode code : codes) {
            Geometry shape = valid.get(code);
            RelateNG prepared = RelateNG.prepare(shape);
            @SuppressWarnings("unchecked")
            List<GridCode> candidates = index.query(shape.getEnvelopeInternal());
            for (GridCode other : candidates) {
                if (other.value().compareTo(code.value()) <= 0) {
                    continue;
                }
                Geometry otherShape = valid.get(other);
                if (prepared.evaluate(otherShape, INTERIORS_MEET)) {
                    addPieces(findings, Type.OVERLAP, communityCode, List.of(code.value(), other.value()), plane,
                            shape.intersection(otherShape));
                }
            }
        }

        if (boundary != null) {
            Geometry area = plane.metres(boundary);
            Geometry union = CascadedPolygonUnion.union(new ArrayList<>(valid.values()));
            Geometry gaps = union == null ? area : area.difference(union);
            for (int i = 0; i < gaps.getNumGeometries(); i++) {
                Geometry gap = gaps.getGeometryN(i);
                if (counts(gap)) {
                    findings.add(finding(Type.GAP, communityCode, neighbours(index, valid, gap), plane,
                            gap.getInteriorPoint().getCoordinate(), gap.getArea()));
                }
            }
            PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
            for (GridCode code : codes) {
                Geometry shape = valid.get(code);
                if (!inside.contains(shape)) {
                    addPieces(findings, Type.OUTSIDE_COMMUNITY, communityCode, List.of(code.value()), plane,
                            shape.difference(area));
                }
            }
        }

        Map<GridCode, Integer> placesPerGrid = new HashMap<>();
        Map<GridCode, PreparedGeometry> prepared = new HashMap<>();
        for (PlacePoint place : places) {
            placesPerGrid.merge(place.gridCode(), 1, Integer::sum);
            Geometry shape = valid.get(place.gridCode());
            if (shape == null) {
                continue;
            }
            Point point = (Point) plane.metres(Geo.point(place.lon(), place.lat()));
            if (!prepared.computeIfAbsent(place.gridCode(), code -> PreparedGeometryFactory.prepare(shape)).covers(point)) {
                findings.add(new CoverageFinding(Type.PLACE_OUTSIDE_GRID, communityCode, List.of(place.gridCode().value()),
                        place.lon(), place.lat(), 0));
            }
        }
        for (StoredGrid grid : grids) {
            if (!placesPerGrid.containsKey(grid.code())) {
                Geometry shape = valid.getOrDefault(grid.code(), plane.metres(grid.boundary()));
                findings.add(finding(Type.EMPTY_GRID, communityCode, List.of(grid.code().value()), plane,
                        shape.getInteriorPoint().getCoordinate(), shape.getArea()));
            }
        }
        return findings;
    }

    private void addPieces(List<CoverageFinding> findings, Type type, String community, List<String> codes,
                           Geo.LocalPlane plane, Geometry pieces) {
        for (int i = 0; i < pieces.getNumGeometries(); i++) {
            Geometry piece = pieces.getGeometryN(i);
            if (counts(piece)) {
                findings.add(finding(type, community, codes, plane, piece.getInteriorPoint().getCoordinate(), piece.getArea()));
            }
        }
    }

    /**
     * Overlaps between grids of different communities: each community's own check cannot see its
     * neighbours, so this pass looks across community lines (candidate pairs from one STR-tree).
     */
    public List<CoverageFinding> crossCommunityOverlaps(List<StoredGrid> grids) {
        List<CoverageFinding> findings = new ArrayList<>();
        if (grids.isEmpty()) {
            return findings;
        }
        Envelope extent = new Envelope();
        grids.forEach(grid -> extent.expandToInclude(grid.boundary().getEnvelopeInternal()));
        Geo.LocalPlane plane = Geo.LocalPlane.around(extent.centre());
        STRtree index = new STRtree();
        Map<GridCode, Geometry> shapes = new HashMap<>();
        for (StoredGrid grid : grids) {
            Geometry shape = plane.metres(grid.boundary());
            if (shape.isValid()) {
                shapes.put(grid.code(), shape);
                index.insert(shape.getEnvelopeInternal(), grid.code());
            }
        }
        for (StoredGrid grid : grids) {
            Geometry shape = shapes.get(grid.code());
            if (shape == null) {
                continue;
            }
            RelateNG prepared = null;
            for (Object candidate : index.query(shape.getEnvelopeInternal())) {
                GridCode other = (GridCode) candidate;
                if (other.value().compareTo(grid.code().value()) <= 0 || other.community().equals(grid.code().community())) {
                    continue;
                }
                if (prepared == null) {
                    prepared = RelateNG.prepare(shape);
                }
                if (prepared.evaluate(shapes.get(other), INTERIORS_MEET)) {
                    addPieces(findings, Type.OVERLAP, grid.code().community().value(),
                            List.of(grid.code().value(), other.value()), plane, shape.intersection(shapes.get(other)));
                }
            }
        }
        return findings;
    }

    private boolean counts(Geometry piece) {
        double area = piece.getArea();
        return area >= toleranceM2 && 2 * area / piece.getLength() >= MIN_WIDTH_M;
    }

    /** The grids that border a gap, to say where it is in terms people know. */
    private static List<String> neighbours(STRtree index, Map<GridCode, Geometry> valid, Geometry gap) {
        Envelope search = new Envelope(gap.getEnvelopeInternal());
        search.expandBy(1);
        List<String> codes = new ArrayList<>();
        for (Object candidate : index.query(search)) {
            GridCode code = (GridCode) candidate;
            if (valid.get(code).isWithinDistance(gap, 1)) {
                codes.add(code.value());
            }
        }
        codes.sort(null);
        return codes;
    }

    private static CoverageFinding finding(Type type, String community, List<String> codes, Geo.LocalPlane plane,
                                           Coordinate metres, double areaM2) {
        Coordinate lonLat = plane.lonLat(metres);
        return new CoverageFinding(type, community, codes, round(lonLat.x, 1e7), round(lonLat.y, 1e7), round(areaM2, 10));
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }
}
