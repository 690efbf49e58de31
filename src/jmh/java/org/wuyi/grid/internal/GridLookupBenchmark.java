package org.wuyi.grid.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Point → grid lookup: Wuyi's index (STR-tree of prepared polygons, {@link GridIndex}) against a
 * brute-force scan of every polygon (with the cheap envelope test first, as any sensible scan would),
 * over the demo Gulou (3,227 grids) and a generated city of about 140,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class GridLookupBenchmark {

    @Param({"gulou", "city"})
    public String set;

    private List<StoredGrid> grids;
    private STRtree index;
    private Point[] points;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        grids = set.equals("gulou") ? BenchmarkGrids.gulouGrids() : BenchmarkGrids.city(140_000);
        index = GridIndex.build(grids);
        double[][] coordinates = BenchmarkGrids.points(grids, 4096, 7);
        points = new Point[coordinates.length];
        for (int i = 0; i < coordinates.length; i++) {
            points[i] = Geo.point(coordinates[i][0], coordinates[i][1]);
        }
        System.out.printf("%n%s: %,d grids%n", set, grids.size());
    }

    @Benchmark
    public Object indexed() {
        return GridIndex.locate(index, nextPoint());
    }

    @Benchmark
    public Object bruteForce() {
        Point point = nextPoint();
        for (StoredGrid grid : grids) {
            Geometry shape = grid.boundary();
            if (shape.getEnvelopeInternal().covers(point.getCoordinate()) && shape.covers(point)) {
                return grid.code();
            }
        }
        return null;
    }

    private Point nextPoint() {
        next = (next + 1) & (points.length - 1);
        return points[next];
    }
}
