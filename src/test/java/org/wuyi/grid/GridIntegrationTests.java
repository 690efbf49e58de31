package org.wuyi.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.grid.internal.Geo;
import org.wuyi.grid.internal.GridIndex;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

@WuyiIntegrationTest
class GridIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GridIndex index;

    private final Api api;

    GridIntegrationTests(@LocalServerPort int port) {
        this.api = new Api(port);
    }

    @Test
    void theDistrictSummaryShowsTheReportsFigures() {
        JsonNode summary = api.get("/api/v1/regions/350102/summary", "gulou").json();
        assertThat(summary.get("streets").asLong()).isEqualTo(10);
        assertThat(summary.get("communities").asLong()).isEqualTo(69);
        assertThat(summary.get("residentialGrids").asLong()).isEqualTo(1152);
        assertThat(summary.get("workUnitGrids").asLong()).isEqualTo(2075);
        assertThat(summary.get("compounds").asLong()).isPositive();
        assertThat(summary.get("workUnits").asLong()).isPositive();
    }

    @Test
    void everyCommunityHasGridsOfBothKindsAndTheStoryCompounds() {
        assertThat(jdbc.sql("SELECT count(DISTINCT substr(code, 1, 12)) FROM grid WHERE code LIKE '350102%' AND kind = 'RESIDENTIAL'")
                .query(Long.class).single()).isEqualTo(69);
        assertThat(jdbc.sql("SELECT count(DISTINCT substr(code, 1, 12)) FROM grid WHERE code LIKE '350102%' AND kind = 'WORK_UNIT'")
                .query(Long.class).single()).isEqualTo(69);
        assertThat(jdbc.sql("SELECT has_property_management FROM compound WHERE name = '河南新村' AND grid_code LIKE '350102005001%'")
                .query(Boolean.class).single()).as("an old compound without property management").isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM compound WHERE NOT has_property_management").query(Long.class).single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM work_unit").query(Long.class).list().getFirst()).isPositive();
    }

    @Test
    void theDemoDivisionPassesItsOwnCoverageCheck() {
        JsonNode report = api.get("/api/v1/regions/350102/coverage", "gulou").json();
        assertThat(report.get("findings")).isEmpty();
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("communitiesChecked").asInt()).isEqualTo(69);
        assertThat(report.get("gridsChecked").asInt()).isEqualTo(3227);
    }

    @Test
    void aGapAndAnOverlapMadeOnPurposeAreFoundAndNothingElse() {
        String community = "350102009013";
        List<String> codes = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? ORDER BY code").param(community + "%")
                .query(String.class).list();
        String holed = codes.get(0);
        Geometry holedShape = shape(holed);
        // Two neighbours of each other that are not the holed grid.
        String grower = null;
        String neighbour = null;
        for (String candidate : codes.subList(1, codes.size())) {
            for (String other : codes.subList(1, codes.size())) {
                if (!candidate.equals(other) && shape(candidate).intersects(shape(other))
                        && !shape(candidate).intersects(holedShape) && !shape(other).intersects(holedShape)) {
                    grower = candidate;
                    neighbour = other;
                    break;
                }
            }
            if (grower != null) {
                break;
            }
        }
        assertThat(grower).isNotNull();
        byte[] holedOriginal = wkb(holed);
        byte[] growerOriginal = wkb(grower);
        try {
            Geo.LocalPlane plane = Geo.LocalPlane.around(holedShape.getInteriorPoint().getCoordinate());
            Geometry hole = square(plane, holedShape.getInteriorPoint().getCoordinate(), 20);
            Geometry growerShape = shape(grower);
            Geometry neighbourShape = shape(neighbour);
            Coordinate shared = growerShape.intersection(neighbourShape).getCoordinates()[0];
            Geometry bite = square(plane, shared, 30).intersection(neighbourShape);
            store(holed, holedShape.difference(hole));
            store(grower, growerShape.union(bite));
            double biteArea = Geo.areaM2(neighbourShape.intersection(Geo.LON_LAT.createGeometry(shape(grower))));

            JsonNode report = api.get("/api/v1/regions/" + community + "/coverage", "gulou").json();
            assertThat(report.get("ok").asBoolean()).isFalse();
            List<String> types = new ArrayList<>();
            report.get("findings").forEach(finding -> types.add(finding.get("type").asString()));
            assertThat(types).containsExactlyInAnyOrder("GAP", "OVERLAP");
            for (JsonNode finding : report.get("findings")) {
                List<String> gridCodes = new ArrayList<>();
                finding.get("gridCodes").forEach(code -> gridCodes.add(code.asString()));
                if (finding.get("type").asString().equals("GAP")) {
                    assertThat(gridCodes).containsExactly(holed);
                    assertThat(finding.get("areaM2").asDouble()).isCloseTo(400, org.assertj.core.data.Offset.offset(2.0));
                } else {
                    assertThat(gridCodes).containsExactlyInAnyOrder(grower, neighbour);
                    assertThat(finding.get("areaM2").asDouble()).isCloseTo(biteArea, org.assertj.core.data.Offset.offset(1.0));
                }
                assertThat(finding.get("lon").asDouble()).isBetween(119.2, 119.4);
                assertThat(finding.get("lat").asDouble()).isBetween(26.0, 26.2);
            }
        } finally {
            restore(holed, holedOriginal);
            restore(grower, growerOriginal);
        }
        assertThat(api.get("/api/v1/regions/" + community + "/coverage", "gulou").json().get("ok").asBoolean()).isTrue();
    }

    @Test
    void aPointFindsItsGridCommunityAndStreet() {
        String code = "3501020050011001";
        Point inside = shape(code).getInteriorPoint();
        Api.Response found = api.get("/api/v1/grids/locate?lon=" + inside.getX() + "&lat=" + inside.getY(), "gulou");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("code").asString()).isEqualTo(code);
        assertThat(found.json().get("kind").asString()).isEqualTo("RESIDENTIAL");
        assertThat(found.json().get("communityName").asString()).isEqualTo("杨桥河南社区");
        assertThat(found.json().get("streetName").asString()).isEqualTo("南街街道");

        assertThat(api.get("/api/v1/grids/locate?lon=" + inside.getX() + "&lat=" + inside.getY(), "yqhn").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/grids/locate?lon=" + inside.getX() + "&lat=" + inside.getY(), "guoguang").status())
                .as("a grid outside one's region is not revealed").isEqualTo(404);

        Api.Response nowhere = api.get("/api/v1/grids/locate?lon=116.39&lat=39.9", "gulou");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.json().get("detail").asString()).isEqualTo("该位置不在您辖区内的任何网格中。");
        assertThat(api.get("/api/v1/grids/locate?lon=26.08&lat=119.29", "gulou").status())
                .as("latitude and longitude swapped").isEqualTo(400);
        Api.Response missing = api.get("/api/v1/grids/locate?lon=119.29", "gulou");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).isEqualTo("缺少参数 lat。");
        assertThat(api.get("/api/v1/grids/locate?lon=abc&lat=26", "gulou").status()).isEqualTo(400);
    }

    @Test
    void anAddressTypedAsAPersonWouldFindsItsGrid() {
        String gridOfHenanXincun = jdbc.sql("SELECT grid_code FROM compound WHERE name = '河南新村' AND grid_code LIKE '350102005001%'")
                .query(String.class).single();
        for (String address : new String[] {"河南新村 3座", "河南新村3号楼", "杨桥路 河南新村 3 栋"}) {
            Api.Response found = api.get("/api/v1/grids/locate?community=350102005001&address="
                    + java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8), "yqhn");
            assertThat(found.status()).as(address).isEqualTo(200);
            assertThat(found.json().get("grid").get("code").asString()).isEqualTo(gridOfHenanXincun);
            assertThat(found.json().get("compound").asString()).isEqualTo("河南新村");
            assertThat(found.json().get("building").asString()).isEqualTo("3座");
        }
        Api.Response unknown = api.get("/api/v1/grids/locate?community=350102005001&address="
                + java.net.URLEncoder.encode("不存在的小区 1座", java.nio.charset.StandardCharsets.UTF_8), "yqhn");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/grids/locate?community=350102005001&address=x", "guoguang").status()).isEqualTo(403);
    }

    @Test
    void gridsExportAsGeoJsonWithLongitudeFirstAndCounterClockwiseRings() {
        Api.Response geojson = api.get("/api/v1/regions/350102005001/grids.geojson", "yqhn");
        assertThat(geojson.status()).isEqualTo(200);
        assertThat(geojson.json().get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(geojson.json().get("features")).hasSize(17 + 30);
        JsonNode first = geojson.json().get("features").get(0);
        assertThat(first.get("properties").get("code").asString()).isEqualTo("3501020050011001");
        assertThat(first.get("properties").get("kind").asString()).isEqualTo("RESIDENTIAL");
        assertThat(first.get("properties").get("name").asString()).isNotBlank();
        JsonNode ring = first.get("geometry").get("coordinates").get(0);
        assertThat(ring.get(0).get(0).asDouble()).as("longitude first").isBetween(119.2, 119.4);
        assertThat(ring.get(0).get(1).asDouble()).isBetween(26.0, 26.2);
        Coordinate[] coordinates = new Coordinate[ring.size()];
        for (int i = 0; i < ring.size(); i++) {
            coordinates[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        }
        assertThat(Orientation.isCCW(coordinates)).as("RFC 7946 right-hand rule").isTrue();

        assertThat(api.get("/api/v1/regions/350102005001/communities.geojson", "yqhn").json().get("features")).hasSize(1);
        assertThat(api.get("/api/v1/regions/350102/grids.geojson", "yqhn").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/regions/350102100012/coverage", "yqhn").status()).isEqualTo(403);
    }

    @Test
    void lookupsStayRightWhileTheIndexIsRebuilt() throws Exception {
        List<String> codes = jdbc.sql("SELECT code FROM grid WHERE code LIKE '350102%' ORDER BY code LIMIT 400")
                .query(String.class).list();
        List<Point> points = codes.stream().map(code -> shape(code).getInteriorPoint()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            // Lookups keep running from before the first rebuild starts until after the last one ends, so that
            // every rebuild happens while lookups are under way.
            CountDownLatch looking = new CountDownLatch(5);
            AtomicBoolean rebuilt = new AtomicBoolean();
            AtomicInteger lookupsDuringRebuilds = new AtomicInteger();
            List<Future<Integer>> results = new ArrayList<>();
            for (int worker = 0; worker < 5; worker++) {
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    boolean first = true;
                    do {
                        for (int i = 0; i < points.size(); i++) {
                            String found = index.locate(points.get(i).getX(), points.get(i).getY())
                                    .map(entry -> entry.code().value()).orElse("none");
                            wrong += found.equals(codes.get(i)) ? 0 : 1;
                            if (first) {
                                first = false;
                                looking.countDown();
                            } else if (!rebuilt.get()) {
                                lookupsDuringRebuilds.incrementAndGet();
                            }
                        }
                    } while (!rebuilt.get());
                    return wrong;
                }));
            }
            Future<?> rebuilding = pool.submit(() -> {
                looking.await();
                for (int i = 0; i < 5; i++) {
                    index.rebuild();
                }
                rebuilt.set(true);
                return null;
            });
            rebuilding.get();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isZero();
            }
            assertThat(lookupsDuringRebuilds.get()).isPositive();
        } finally {
            pool.shutdown();
        }
    }

    private Geometry shape(String code) {
        return Geo.fromWkb(wkb(code));
    }

    private byte[] wkb(String code) {
        return jdbc.sql("SELECT boundary FROM grid WHERE code = ?").param(code).query(byte[].class).single();
    }

    private void store(String code, Geometry shape) {
        jdbc.sql("UPDATE grid SET boundary = ? WHERE code = ?").params(Geo.wkb(Geo.LON_LAT.createGeometry(shape)), code).update();
    }

    private void restore(String code, byte[] original) {
        jdbc.sql("UPDATE grid SET boundary = ? WHERE code = ?").params(original, code).update();
    }

    private static Geometry square(Geo.LocalPlane plane, Coordinate centre, double sideMetres) {
        Geometry centreMetres = plane.metres(Geo.LON_LAT.createPoint(centre));
        Geometry squareMetres = centreMetres.buffer(sideMetres / 2, 1, org.locationtech.jts.operation.buffer.BufferParameters.CAP_SQUARE);
        Coordinate[] corners = squareMetres.getCoordinates();
        Coordinate[] lonLat = new Coordinate[corners.length];
        for (int i = 0; i < corners.length; i++) {
            lonLat[i] = plane.lonLat(corners[i]);
        }
        return Geo.LON_LAT.createPolygon(lonLat);
    }
}
