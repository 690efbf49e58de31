package org.wuyi.grid.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridsChanged;

/**
 * Point → grid lookups over every active grid: an STR-tree of prepared polygons. The tree is built
 * whole and then published with one atomic swap, so lookups never see a half-built tree and need no
 * lock; it is rebuilt after every committed change of grids (and at start-up).
 */
@Component
public class GridIndex {

    /** An indexed grid. */
    public record Entry(GridCode code, String name, GridKind kind, PreparedGeometry shape) {
    }

    private final GridRepository grids;
    private final AtomicReference<STRtree> tree = new AtomicReference<>(emptyTree());

    GridIndex(GridRepository grids) {
        this.grids = grids;
    }

    /** The active grid covering the point, if any (a point on a shared edge goes to the lower code). */
    public Optional<Entry> locate(double lon, double lat) {
        return locate(tree.get(), Geo.point(lon, lat));
    }

    static Optional<Entry> locate(STRtree tree, Point point) {
        @SuppressWarnings("unchecked")
        List<Entry> candidates = tree.query(point.getEnvelopeInternal());
        Entry found = null;
        for (Entry entry : candidates) {
            if (entry.shape().covers(point) && (found == null || entry.code().value().compareTo(found.code().value()) < 0)) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return tree.get().size();
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        rebuild();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(GridsChanged changed) {
        rebuild();
    }

    /** Rebuilds the whole index from the database and swaps it in. */
    public void rebuild() {
        tree.set(build(grids.allActive()));
    }

    static STRtree build(List<StoredGrid> active) {
        STRtree built = new STRtree();
        for (StoredGrid grid : active) {
            built.insert(grid.boundary().getEnvelopeInternal(),
                    new Entry(grid.code(), grid.name(), grid.kind(), PreparedGeometryFactory.prepare(grid.boundary())));
        }
        built.build();
        return built;
    }

    private static STRtree emptyTree() {
        STRtree empty = new STRtree();
        empty.build();
        return empty;
    }
}
