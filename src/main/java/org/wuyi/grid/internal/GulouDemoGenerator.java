package org.wuyi.grid.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.precision.GeometryPrecisionReducer;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.springframework.core.io.ClassPathResource;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.Industry;
import org.wuyi.shared.CreditCode;
import org.wuyi.shared.RegionCode;

/**
 * A deterministic, plausible Gulou for the demo: a district outline around 119.29°E 26.08°N cut into
 * its real streets and communities (Voronoi cells, relaxed so they look like city blocks), each
 * community cut into its grids, exactly 1,152 residential and 2,075 work-unit grids in all, with
 * compounds, buildings, gates and work units inside them. The same input always gives the same output.
 */
public final class GulouDemoGenerator {

    public static final int RESIDENTIAL_GRIDS = 1152;
    public static final int WORK_UNIT_GRIDS = 2075;

    static final Coordinate CENTRE = new Coordinate(119.290, 26.080);
    /** Points closer than this to their grid's edge are moved: a compound on the line belongs nowhere. */
    private static final double EDGE_MARGIN_DEGREES = 0.00008;

    public record Gate(String name, double lon, double lat) {
    }

    public record Compound(String name, String address, double lon, double lat, boolean propertyManagement,
                           int households, List<String> buildings, List<Gate> gates) {
    }

    public record Unit(String name, CreditCode creditCode, Industry industry, String authority, String address,
                       double lon, double lat) {
    }

    public record Grid(GridCode code, String name, Polygon boundary, List<Compound> compounds, List<Unit> units) {
    }

    public record Community(RegionCode code, Polygon boundary, List<Grid> grids) {
    }

    private final Random random = new Random(350102L);
    private final Properties words = loadWords();
    private final Set<String> creditCodes = new HashSet<>();

    /**
     * Generates the district for its streets, each with its communities and their names, in code order.
     */
    public List<Community> generate(Map<RegionCode, List<Map.Entry<RegionCode, String>>> streets) {
        int communityCount = streets.values().stream().mapToInt(List::size).sum();
        int[] residential = spread(RESIDENTIAL_GRIDS, communityCount);
        int[] workUnit = spread(WORK_UNIT_GRIDS, communityCount);

        Polygon district = districtOutline();
        List<Polygon> streetCells = cells(district, streets.size(), 4);
        List<Community> communities = new ArrayList<>();
        int index = 0;
        int streetIndex = 0;
        for (Map.Entry<RegionCode, List<Map.Entry<RegionCode, String>>> street : streets.entrySet()) {
            Polygon streetCell = streetCells.get(streetIndex++);
            List<Polygon> communityCells = cells(streetCell, street.getValue().size(), 3);
            for (int i = 0; i < street.getValue().size(); i++) {
                Map.Entry<RegionCode, String> community = street.getValue().get(i);
                communities.add(community(community.getKey(), community.getValue(), communityCells.get(i),
                        residential[index], workUnit[index]));
                index++;
            }
        }
        return communities;
    }

    private Community community(RegionCode code, String name, Polygon boundary, int residential, int workUnit) {
        List<Polygon> gridCells = cells(boundary, residential + workUnit, 2);
        List<GridKind> kinds = new ArrayList<>();
        kinds.addAll(Collections.nCopies(residential, GridKind.RESIDENTIAL));
        kinds.addAll(Collections.nCopies(workUnit, GridKind.WORK_UNIT));
        Collections.shuffle(kinds, random);
        String suffix = words.getProperty("community.suffix");
        String shortName = name.endsWith(suffix) ? name.substring(0, name.length() - suffix.length()) : name;
        Map<GridKind, Integer> sequence = new LinkedHashMap<>();
        Set<String> compoundNames = new HashSet<>();
        List<Grid> grids = new ArrayList<>();
        List<String> story = code.value().equals(words.getProperty("story.community"))
                ? new ArrayList<>(List.of(words.getProperty("story.compounds").split(","))) : new ArrayList<>();
        for (int i = 0; i < gridCells.size(); i++) {
            GridKind kind = kinds.get(i);
            int number = sequence.merge(kind, 1, Integer::sum);
            Polygon cell = gridCells.get(i);
            String gridName = MessageFormat.format(words.getProperty("grid." + kind.name()), shortName, number);
            List<Compound> compounds = new ArrayList<>();
            List<Unit> units = new ArrayList<>();
            if (kind == GridKind.RESIDENTIAL) {
                int count = 1 + random.nextInt(3);
                for (int c = 0; c < count; c++) {
                    String compoundName = story.isEmpty() || c > 0 ? uniqueCompoundName(compoundNames) : story.removeFirst();
                    compoundNames.add(compoundName);
                    compounds.add(compound(compoundName, cell,
                            compoundName.equals(words.getProperty("story.without-management"))));
                }
            } else {
                int count = 1 + random.nextInt(4);
                for (int u = 0; u < count; u++) {
                    units.add(unit(cell));
                }
            }
            grids.add(new Grid(GridCode.of(code, kind, number), gridName, cell, compounds, units));
        }
        // The community's outline is the union of its grids as stored (rounded to 1e-7 degrees), so the
        // demo tiles exactly: rounding the outline separately would leave centimetre slivers along it.
        Geometry outline = Geo.LON_LAT.buildGeometry(gridCells.stream().map(Geometry.class::cast).toList()).union();
        return new Community(code, (Polygon) reduce(outline), grids);
    }

    private Compound compound(String name, Polygon grid, boolean oldWithoutManagement) {
        Point point = pointInside(grid);
        int buildingCount = 2 + random.nextInt(11);
        List<String> buildings = new ArrayList<>();
        for (int b = 1; b <= buildingCount; b++) {
            buildings.add(MessageFormat.format(words.getProperty("building"), b));
        }
        String[] gateNames = words.getProperty("gates").split(",");
        int gateCount = 1 + random.nextInt(2);
        List<Gate> gates = new ArrayList<>();
        for (int g = 0; g < gateCount; g++) {
            gates.add(new Gate(gateNames[(g * 2 + random.nextInt(2)) % gateNames.length],
                    point.getX() + (random.nextDouble() - 0.5) * 0.0002, point.getY() + (random.nextDouble() - 0.5) * 0.0002));
        }
        boolean management = !oldWithoutManagement && random.nextInt(4) != 0;
        int households = buildingCount * (18 + random.nextInt(43));
        return new Compound(name, address(), point.getX(), point.getY(), management, households, buildings, gates);
    }

    private Unit unit(Polygon grid) {
        Point point = pointInside(grid);
        String[] sections = words.getProperty("industries").split(",");
        Industry industry = Industry.valueOf(sections[random.nextInt(sections.length)]);
        String[] patterns = words.getProperty("unit." + industry.name()).split(",");
        String name = MessageFormat.format(patterns[random.nextInt(patterns.length)], pick("brands"));
        return new Unit(name, creditCode(industry), industry, words.getProperty("authority." + industry.name()),
                address(), point.getX(), point.getY());
    }

    /** A credit code registered in Gulou (350102): enterprise or individual business, with both check characters. */
    private CreditCode creditCode(Industry industry) {
        String charset = CreditCode.charset();
        while (true) {
            StringBuilder organisation = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                organisation.append(i == 0 ? (char) ('1' + random.nextInt(9)) : charset.charAt(random.nextInt(10)));
            }
            organisation.append(organisationCheck(organisation));
            String first17 = "9" + (industry == Industry.O && random.nextBoolean() ? "2" : "1") + "350102" + organisation;
            String code = first17 + CreditCode.checkCharacter(first17);
            if (creditCodes.add(code)) {
                return new CreditCode(code);
            }
        }
    }

    /** The check character of an organisation code (GB 11714) made of digits. */
    private static char organisationCheck(CharSequence eight) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (eight.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private String address() {
        return MessageFormat.format(words.getProperty("address"), pick("roads"), 1 + random.nextInt(300));
    }

    private String uniqueCompoundName(Set<String> taken) {
        while (true) {
            String name = pick("compound.prefixes") + pick("compound.suffixes");
            if (!taken.contains(name)) {
                return name;
            }
        }
    }

    private String pick(String list) {
        String[] values = words.getProperty(list).split(",");
        return values[random.nextInt(values.length)];
    }

    private Point pointInside(Polygon polygon) {
        Envelope envelope = polygon.getEnvelopeInternal();
        Geometry inner = polygon.buffer(-EDGE_MARGIN_DEGREES);
        Geometry target = inner.isEmpty() ? polygon : inner;
        for (int attempt = 0; attempt < 10_000; attempt++) {
            Point point = Geo.point(envelope.getMinX() + random.nextDouble() * envelope.getWidth(),
                    envelope.getMinY() + random.nextDouble() * envelope.getHeight());
            if (target.contains(point)) {
                return point;
            }
        }
        return Geo.LON_LAT.createPoint(polygon.getInteriorPoint().getCoordinate());
    }

    /** A convex outline of about 6 by 6.5 km around the centre. */
    private Polygon districtOutline() {
        List<Coordinate> points = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            double angle = 2 * Math.PI * i / 18;
            double stretch = 0.85 + 0.3 * random.nextDouble();
            points.add(new Coordinate(CENTRE.x + 0.031 * stretch * Math.cos(angle),
                    CENTRE.y + 0.029 * stretch * Math.sin(angle)));
        }
        return (Polygon) reduce(new ConvexHull(points.toArray(Coordinate[]::new), Geo.LON_LAT).getConvexHull());
    }

    /**
     * Cuts a convex polygon into {@code count} convex cells of similar size: random sites relaxed
     * toward their cells' centroids (Lloyd), ordered north to south, west to east.
     */
    private List<Polygon> cells(Polygon area, int count, int relaxations) {
        List<Coordinate> sites = new ArrayList<>();
        Envelope envelope = area.getEnvelopeInternal();
        while (sites.size() < count) {
            Coordinate candidate = new Coordinate(envelope.getMinX() + random.nextDouble() * envelope.getWidth(),
                    envelope.getMinY() + random.nextDouble() * envelope.getHeight());
            if (area.contains(Geo.METRES.createPoint(candidate))) {
                sites.add(candidate);
            }
        }
        List<Geometry> cells = voronoi(area, sites);
        for (int round = 0; round < relaxations; round++) {
            sites = cells.stream().map(cell -> cell.getCentroid().getCoordinate()).toList();
            cells = voronoi(area, sites);
        }
        List<Polygon> polygons = new ArrayList<>();
        for (Geometry cell : cells) {
            polygons.add((Polygon) reduce(cell));
        }
        polygons.sort(Comparator.comparingDouble((Polygon p) -> -Math.round(p.getCentroid().getY() * 200))
                .thenComparingDouble(p -> p.getCentroid().getX()));
        return polygons;
    }

    private static List<Geometry> voronoi(Polygon area, List<Coordinate> sites) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        Envelope clip = new Envelope(area.getEnvelopeInternal());
        clip.expandBy(0.01);
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(Geo.METRES);
        List<Geometry> cells = new ArrayList<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            cells.add(diagram.getGeometryN(i).intersection(area));
        }
        return cells;
    }

    private static Geometry reduce(Geometry geometry) {
        Geometry reduced = GeometryPrecisionReducer.reduce(geometry, Geo.LON_LAT.getPrecisionModel());
        Geometry polygon = reduced;
        if (reduced.getNumGeometries() > 1) {
            polygon = reduced.getGeometryN(0);
            for (int i = 1; i < reduced.getNumGeometries(); i++) {
                if (reduced.getGeometryN(i).getArea() > polygon.getArea()) {
                    polygon = reduced.getGeometryN(i);
                }
            }
        }
        return Geo.LON_LAT.createGeometry(polygon);
    }

    /** {@code total} spread over {@code parts} as evenly as possible, the remainder to the first parts. */
    static int[] spread(int total, int parts) {
        int[] counts = new int[parts];
        for (int i = 0; i < parts; i++) {
            counts[i] = total / parts + (i < total % parts ? 1 : 0);
        }
        return counts;
    }

    private static Properties loadWords() {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource("demo/gulou-grid-names.properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return properties;
    }
}
