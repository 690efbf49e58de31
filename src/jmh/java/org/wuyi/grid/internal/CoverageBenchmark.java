package org.wuyi.grid.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Geometry;
import org.wuyi.grid.CoverageFinding;

/**
 * Benchmark for issue 3: the coverage check of all 69 demo Gulou communities as Wuyi does it (STR-tree
 * candidate pairs, cascaded union per community) against the same check done naively: every pair of
 * the district's grids tested for overlap, and each community's grids unioned one at a time.
 * Run through {@code bench/grid-coverage.sh}.
 */
public final class CoverageBenchmark {

    private static final int ROUNDS = 5;

    private CoverageBenchmark() {
    }

    public static void main(String[] args) {
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
        List<Double> wuyi = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            int findings = 0;
            for (int i = 0; i < communities.size(); i++) {
                findings += checker.check(communities.get(i).code(), communities.get(i).boundary(), grids.get(i), places.get(i)).size();
            }
            findings += checker.crossCommunityOverlaps(grids.stream().flatMap(List::stream).toList()).size();
            double wuyiSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            int naiveFindings = naive(communities, grids);
            double naiveSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: Wuyi %.3f s (%d findings), naive %.3f s (%d overlaps and gaps)%n",
                    round == 0 ? "warm-up" : "round " + round, wuyiSeconds, findings, naiveSeconds, naiveFindings);
            if (round > 0) {
                wuyi.add(wuyiSeconds);
                naive.add(naiveSeconds);
            }
        }
        double wuyiMedian = median(wuyi);
        double naiveMedian = median(naive);
        System.out.printf(Locale.ROOT, "%nmedian of %d rounds, all 69 communities:%n", ROUNDS);
        System.out.printf(Locale.ROOT, "  Wuyi coverage check : %7.3f s%n", wuyiMedian);
        System.out.printf(Locale.ROOT, "  naive (every pair)  : %7.3f s%n", naiveMedian);
        System.out.printf(Locale.ROOT, "  speed-up            : %7.1f x%n", naiveMedian / wuyiMedian);

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

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
