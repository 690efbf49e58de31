package org.wuyi.grid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Geometry;
import org.wuyi.bench.Rounds;

/**
 * Benchmark for issue 3: the coverage check of all 69 demo Gulou communities as Wuyi does it (STR-tree
 * candidate pairs, cascaded union per community) against the same check done naively: every pair of
 * the district's grids tested for overlap, and each community's grids unioned one at a time.
 * Run through {@code bench/grid-coverage.sh}.
 */
public final class CoverageBenchmark {

    private CoverageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<GulouDemoGenerator.Community> communities = BenchmarkGrids.gulou();
        List<List<StoredGrid>> grids = new ArrayList<>();
        List<List<PlacePoint>> places = new ArrayList<>();
        long id = 0;
        for (GulouDemoGenerator.Community community : communities) {
            List<StoredGrid> communityGrids = new ArrayList<>();
            List<PlacePoint> communityPlaces = new ArrayList<>();
            for (GulouDemoGenerator.Grid grid : community.grids()) {
                communityGrids.add(new StoredGrid(grid.code(), grid.code().kind(), grid.name(), grid.boundary(), true, 0));
                for (GulouDemoGenerator.Compound compound : grid.compounds()) {
                    communityPlaces.add(new PlacePoint(id++, true, compound.name(), grid.code(), compound.lon(), compound.lat()));
                }
                for (GulouDemoGenerator.Unit unit : grid.units()) {
                    communityPlaces.add(new PlacePoint(id++, false, unit.name(), grid.code(), unit.lon(), unit.lat()));
                }
            }
            grids.add(communityGrids);
            places.add(communityPlaces);
        }
        int total = grids.stream().mapToInt(List::size).sum();
        System.out.printf(Locale.ROOT, "demo Gulou: %d communities, %,d grids%n", communities.size(), total);

        CoverageChecker checker = new CoverageChecker(1.0);
        int[] findings = new int[2];
        // Baseline (every pair, unions one by one) and Wuyi alternate round by round (see Rounds).
        Rounds.Result result = Rounds.compare("coverage of all 69 communities: Wuyi vs every pair tested", 5, 15, 0.25, () -> {
            long start = System.nanoTime();
            findings[1] = naive(communities, grids);
            return Rounds.seconds(start);
        }, () -> {
            long start = System.nanoTime();
            int found = 0;
            for (int i = 0; i < communities.size(); i++) {
                found += checker.check(communities.get(i).code(), communities.get(i).boundary(), grids.get(i), places.get(i)).size();
            }
            found += checker.crossCommunityOverlaps(grids.stream().flatMap(List::stream).toList()).size();
            findings[0] = found;
            return Rounds.seconds(start);
        });
        System.out.printf(Locale.ROOT, "%nall 69 communities (Wuyi %d findings, naive %d overlaps and gaps):%n", findings[0], findings[1]);
        System.out.printf(Locale.ROOT, "  Wuyi coverage check : %7.3f s median%n", Rounds.median(result.subject()));
        System.out.printf(Locale.ROOT, "  naive (every pair)  : %7.3f s median%n", Rounds.median(result.baseline()));
        System.out.printf(Locale.ROOT, "  speed-up            : %7.1f x (median of per-round ratios; rounds %.1f–%.1f)%n",
                1 / result.medianRatio(), 1 / Rounds.max(result.ratios()), 1 / Rounds.min(result.ratios()));

        if (args.length == 0 || !args[0].equals("--city")) {
            System.out.println("(add --city for the overlap pass over a 140,000-grid city against every pair tested: about 3 minutes)");
            return;
        }
        // At city scale the pair search is what grows: the overlap pass alone, once each.
        List<StoredGrid> city = BenchmarkGrids.city(140_000);
        long start = System.nanoTime();
        int indexed = checker.crossCommunityOverlaps(city).size();
        double indexedSeconds = (System.nanoTime() - start) / 1e9;
        Geo.LocalPlane plane = Geo.LocalPlane.around(city.getFirst().boundary().getEnvelopeInternal().centre());
        List<Geometry> shapes = city.stream().map(grid -> plane.metres(grid.boundary())).toList();
        start = System.nanoTime();
        long intersecting = 0;
        for (int i = 0; i < shapes.size(); i++) {
            for (int j = i + 1; j < shapes.size(); j++) {
                intersecting += shapes.get(i).intersects(shapes.get(j)) ? 1 : 0;
            }
        }
        double pairsSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%ngenerated city, %,d grids, overlap pass only:%n", city.size());
        System.out.printf(Locale.ROOT, "  Wuyi (STR-tree candidates) : %8.2f s (%d overlaps)%n", indexedSeconds, indexed);
        System.out.printf(Locale.ROOT, "  every pair tested          : %8.2f s (%,d touching pairs)%n", pairsSeconds, intersecting);
        System.out.printf(Locale.ROOT, "  speed-up                   : %8.1f x%n", pairsSeconds / indexedSeconds);
    }

    /** Overlaps by testing every pair of the district's grids; gaps by unioning each community's grids one by one. */
    private static int naive(List<GulouDemoGenerator.Community> communities, List<List<StoredGrid>> grids) {
        List<StoredGrid> all = grids.stream().flatMap(List::stream).toList();
        List<Geometry> metres = new ArrayList<>(all.size());
        Geo.LocalPlane plane = Geo.LocalPlane.around(GulouDemoGenerator.CENTRE);
        for (StoredGrid grid : all) {
            metres.add(plane.metres(grid.boundary()));
        }
        int findings = 0;
        for (int i = 0; i < metres.size(); i++) {
            for (int j = i + 1; j < metres.size(); j++) {
                if (metres.get(i).intersects(metres.get(j))) {
                    Geometry overlap = metres.get(i).intersection(metres.get(j));
                    findings += counts(overlap) ? 1 : 0;
                }
            }
        }
        for (int c = 0; c < communities.size(); c++) {
            Geometry union = null;
            for (StoredGrid grid : grids.get(c)) {
                Geometry shape = plane.metres(grid.boundary());
                union = union == null ? shape : union.union(shape);
            }
            Geometry gaps = plane.metres(communities.get(c).boundary()).difference(union);
            for (int g = 0; g < gaps.getNumGeometries(); g++) {
                findings += counts(gaps.getGeometryN(g)) ? 1 : 0;
            }
        }
        return findings;
    }

    private static boolean counts(Geometry piece) {
        return piece.getArea() >= 1.0 && 2 * piece.getArea() / piece.getLength() >= CoverageChecker.MIN_WIDTH_M;
    }

}
