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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.grid.GridsChanged;

/**
 * Point → grid lookups over every active grid: an STR-tree of prepared polygons. The tree is built
 * whole and then published with one atomic swap, so lookups never see a half-built tree and need no
 * lock; it is rebuilt after every committed change of grids (and at start-up). Several nodes on one database: every
 * change raises a counter in its own transaction ({@code grid_index_version}), and each node polls it every
 * {@code wuyi.grid.index-poll-ms} (2 s) and rebuilds when it moved, so a change made on one node is answered on every
 * node within a poll and a rebuild.
 */
@Component
public class GridIndex {

    /** An indexed grid. */
    public record Entry(GridCode code, String name, GridKind kind, PreparedGeometry shape) {
    }

    private final GridRepository grids;
    private final AtomicReference<STRtree> tree = new AtomicReference<>(emptyTree());
    /** The counter's value when the tree in use was built (-1: never built). */
    private volatile long builtAt = -1;

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

    /** At start-up of the server (a command-line run, such as a restore into an empty database, needs no index). */
    @EventListener(ApplicationReadyEvent.class)
    void load(ApplicationReadyEvent ready) {
        if (ready.getApplicationContext().getEnvironment().getProperty("wuyi.command", "").isEmpty()) {
            rebuild();
        }
    }

    /** In the transaction of the change: tell the other nodes (they see it once it commits). */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void count(GridsChanged changed) {
        grids.raiseIndexVersion();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(GridsChanged changed) {
        rebuild();
    }

    /** A change committed by another node (or one this node missed): rebuild. */
    @Scheduled(fixedDelayString = "${wuyi.grid.index-poll-ms:2000}", initialDelayString = "${wuyi.grid.index-poll-ms:2000}")
    void poll() {
        if (builtAt >= 0 && grids.indexVersion() != builtAt) {
            rebuild();
        }
    }

    /** Rebuilds the whole index from the database and swaps it in. */
    public synchronized void rebuild() {
        long version = grids.indexVersion();
        tree.set(build(grids.allActive()));
        builtAt = version;
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
