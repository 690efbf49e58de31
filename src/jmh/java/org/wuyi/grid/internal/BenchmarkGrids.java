package org.wuyi.grid.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.springframework.core.io.ClassPathResource;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.shared.RegionCode;

/** The data sets the grid benchmarks run on: the demo Gulou, and a generated city of about 140,000 grids. */
final class BenchmarkGrids {

    private BenchmarkGrids() {
    }

    /** The demo Gulou, from the same generator and the same shipped division extract as the demo profile. */
    static List<GulouDemoGenerator.Community> gulou() {
        Map<RegionCode, List<Map.Entry<RegionCode, String>>> streets = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("divisions/350102/villages.csv").getInputStream(), StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split(",");
                RegionCode community = RegionCode.of(columns[0]);
                streets.computeIfAbsent(community.parent().orElseThrow(), street -> new ArrayList<>())
                        .add(Map.entry(community, columns[1].replace("\"", "")));
            }
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return new GulouDemoGenerator().generate(streets);
    }

    static List<StoredGrid> gulouGrids() {
        List<StoredGrid> grids = new ArrayList<>();
        for (GulouDemoGenerator.Community community : gulou()) {
            for (GulouDemoGenerator.Grid grid : community.grids()) {
                grids.add(new StoredGrid(grid.code(), grid.code().kind(), grid.name(), grid.boundary(), true, 0));
            }
        }
        return grids;
    }

    /**
     * A city the size of Fuzhou's grid count: {@code count} Voronoi cells over about 60 × 60 km around
     * Fuzhou, each with a made-up 16-digit code.
     */
    static List<StoredGrid> city(int count) {
        Random random = new Random(3501L);
        Envelope area = new Envelope(119.0, 119.62, 25.8, 26.36);
        List<Coordinate> sites = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sites.add(new Coordinate(area.getMinX() + random.nextDouble() * area.getWidth(),
                    area.getMinY() + random.nextDouble() * area.getHeight()));
        }
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        builder.setClipEnvelope(area);
        Geometry diagram = builder.getDiagram(Geo.METRES);
        Geometry frame = Geo.METRES.toGeometry(area);
        List<StoredGrid> grids = new ArrayList<>(count);
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i).intersection(frame);
            if (!(cell instanceof Polygon polygon)) {
                continue;
            }
            int community = i / 46;
            RegionCode communityCode = RegionCode.of("3501%02d%03d%03d".formatted(community / 1000 % 100, community / 10 % 1000, community % 10 + 1));
            grids.add(new StoredGrid(GridCode.of(communityCode, GridKind.RESIDENTIAL, i % 46 + 1), GridKind.RESIDENTIAL, "grid " + i,
                    Geo.LON_LAT.createGeometry(polygon), true, 0));
        }
        return grids;
    }

    /** Query points: uniformly random over the grids' extent (a few fall outside every grid). */
    static double[][] points(List<StoredGrid> grids, int count, long seed) {
        Envelope extent = new Envelope();
        grids.forEach(grid -> extent.expandToInclude(grid.boundary().getEnvelopeInternal()));
        Random random = new Random(seed);
        double[][] points = new double[count][];
        for (int i = 0; i < count; i++) {
            points[i] = new double[] {extent.getMinX() + random.nextDouble() * extent.getWidth(),
                    extent.getMinY() + random.nextDouble() * extent.getHeight()};
        }
        return points;
    }
}
