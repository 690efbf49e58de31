package org.wuyi.grid.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.grid.GridCode;
import org.wuyi.grid.GridKind;
import org.wuyi.shared.RegionCode;

/** Grids, community boundaries, compounds and work units. Region scoping is a range scan of the codes. */
@Repository
public class GridRepository {

    private final JdbcClient jdbc;

    GridRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredGrid> activeIn(RegionCode region) {
        return jdbc.sql("""
                        SELECT code, kind, name, boundary, status, version FROM grid
                        WHERE code >= ? AND code < ? AND status = 'ACTIVE' ORDER BY code""")
                .params(region.value(), region.upperBound())
                .query(GridRepository::grid)
                .list();
    }

    /** The counter every change of grids raises (in its own transaction), for the lookup indexes of every node. */
    public long indexVersion() {
        return jdbc.sql("SELECT version FROM grid_index_version").query(Long.class).single();
    }

    public void raiseIndexVersion() {
        jdbc.sql("UPDATE grid_index_version SET version = version + 1").update();
    }

    public List<StoredGrid> allActive() {
        return jdbc.sql("SELECT code, kind, name, boundary, status, version FROM grid WHERE status = 'ACTIVE'")
                .query(GridRepository::grid)
                .list();
    }

    public List<String> activeCodes(RegionCode region, GridKind kind) {
        return jdbc.sql("SELECT code FROM grid WHERE code >= ? AND code < ? AND kind = ? AND status = 'ACTIVE' ORDER BY code")
                .params(region.value(), region.upperBound(), kind.name())
                .query(String.class).list();
    }

    /** The names of many grids by code, in one query. */
    public Map<String, String> names(List<String> codes) {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("SELECT code, name FROM grid WHERE code = ANY (?)").param(codes.toArray(String[]::new))
                .query(rs -> {
                    names.put(rs.getString(1), rs.getString(2));
                });
        return names;
    }

    public Optional<StoredGrid> find(GridCode code) {
        return jdbc.sql("SELECT code, kind, name, boundary, status, version FROM grid WHERE code = ?")
                .param(code.value())
                .query(GridRepository::grid)
                .optional();
    }

    public boolean anyIn(RegionCode region) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM grid WHERE code >= ? AND code < ?)")
                .params(region.value(), region.upperBound())
                .query(Boolean.class).single();
    }

    /** The community boundaries below a region, by community code. */
    public Map<RegionCode, Geometry> communityBoundaries(RegionCode region) {
        Map<RegionCode, Geometry> boundaries = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT community_code, boundary FROM community_boundary
                        WHERE community_code >= ? AND community_code < ? ORDER BY community_code""")
                .params(region.value(), region.upperBound())
                .query(rs -> {
                    boundaries.put(RegionCode.of(rs.getString(1)), Geo.fromWkb(rs.getBytes(2)));
                });
        return boundaries;
    }

    public Map<RegionCode, Integer> communityBoundaryVersions(RegionCode region) {
        Map<RegionCode, Integer> versions = new HashMap<>();
        jdbc.sql("SELECT community_code, version FROM community_boundary WHERE community_code >= ? AND community_code < ?")
                .params(region.value(), region.upperBound())
                .query(rs -> {
                    versions.put(RegionCode.of(rs.getString(1)), rs.getInt(2));
                });
        return versions;
    }

    /** Stores a community's boundary, bumping its version when it replaces one. */
    public void saveCommunityBoundary(RegionCode community, Geometry boundary) {
        jdbc.sql("""
                        INSERT INTO community_boundary (community_code, boundary) VALUES (?, ?)
                        ON CONFLICT (community_code) DO UPDATE
                            SET boundary = EXCLUDED.boundary, version = community_boundary.version + 1""")
                .params(community.value(), Geo.wkb(boundary))
                .update();
    }

    /** Compounds and work units below a region, with the grid each is assigned to. */
    public List<PlacePoint> placesIn(RegionCode region) {
        return jdbc.sql("""
                        SELECT id, TRUE AS compound, name, grid_code, lon, lat FROM compound
                        WHERE grid_code >= :from AND grid_code < :to
                        UNION ALL
                        SELECT id, FALSE, name, grid_code, lon, lat FROM work_unit
                        WHERE grid_code >= :from AND grid_code < :to""")
                .param("from", region.value())
                .param("to", region.upperBound())
                .query((rs, row) -> new PlacePoint(rs.getLong("id"), rs.getBoolean("compound"), rs.getString("name"),
                        new GridCode(rs.getString("grid_code")), rs.getDouble("lon"), rs.getDouble("lat")))
                .list();
    }

    /** Active grids by kind below a region. */
    public Map<GridKind, Long> countActive(RegionCode region) {
        Map<GridKind, Long> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT kind, count(*) FROM grid WHERE code >= ? AND code < ? AND status = 'ACTIVE'
                        GROUP BY kind""")
                .params(region.value(), region.upperBound())
                .query(rs -> {
                    counts.put(GridKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    public long countCompounds(RegionCode region) {
        return jdbc.sql("SELECT count(*) FROM compound WHERE grid_code >= ? AND grid_code < ?")
                .params(region.value(), region.upperBound()).query(Long.class).single();
    }

    public long countWorkUnits(RegionCode region) {
        return jdbc.sql("SELECT count(*) FROM work_unit WHERE grid_code >= ? AND grid_code < ?")
                .params(region.value(), region.upperBound()).query(Long.class).single();
    }

    /**
     * Replaces a grid's name and shape if it is still at {@code expectedVersion}, keeping the old ones in
     * its history; false when someone else changed it first. Concurrent callers queue on the row lock
     * and the later one then finds the version moved on.
     */
    public boolean redraw(GridCode code, String name, Geometry boundary, int expectedVersion, String by) {
        return jdbc.sql("""
                        WITH old AS (SELECT * FROM grid WHERE code = :code AND version = :expected FOR UPDATE),
                             changed AS (UPDATE grid SET name = :name, boundary = :boundary, version = old.version + 1,
                                             updated_at = now(), updated_by = :by
                                         FROM old WHERE grid.code = old.code RETURNING grid.code)
                        INSERT INTO grid_history (grid_code, version, name, boundary, status, valid_from, valid_to, changed_by)
                        SELECT old.code, old.version, old.name, old.boundary, old.status, old.updated_at, now(), :by
                        FROM old WHERE EXISTS (SELECT 1 FROM changed)""")
                .param("code", code.value())
                .param("expected", expectedVersion)
                .param("name", name)
                .param("boundary", Geo.wkb(boundary))
                .param("by", by)
                .update() == 1;
    }

    public void insert(GridCode code, GridKind kind, String name, Geometry boundary, String by) {
        jdbc.sql("INSERT INTO grid (code, kind, name, boundary, updated_by) VALUES (?, ?, ?, ?, ?)")
                .params(code.value(), kind.name(), name, Geo.wkb(boundary), by)
                .update();
    }

    /** A compound of a community, for address lookups. */
    public record CompoundName(long id, String name, GridCode gridCode) {
    }

    public List<CompoundName> compoundsOf(RegionCode community) {
        return jdbc.sql("SELECT id, name, grid_code FROM compound WHERE grid_code >= ? AND grid_code < ? ORDER BY id")
                .params(community.value(), community.upperBound())
                .query((rs, row) -> new CompoundName(rs.getLong(1), rs.getString(2), new GridCode(rs.getString(3))))
                .list();
    }

    /** The authority of the first unit of each work-unit grid below a region. */
    public Map<String, String> firstAuthorities(RegionCode region) {
        Map<String, String> authorities = new HashMap<>();
        jdbc.sql("SELECT DISTINCT ON (grid_code) grid_code, authority FROM work_unit WHERE grid_code >= ? AND grid_code < ? ORDER BY grid_code, id")
                .params(region.value(), region.upperBound())
                .query(rs -> {
                    authorities.put(rs.getString(1), rs.getString(2));
                });
        return authorities;
    }

    public List<String> buildingsOf(long compoundId) {
        return jdbc.sql("SELECT name FROM building WHERE compound_id = ? ORDER BY id").param(compoundId)
                .query(String.class).list();
    }

    /** Retires an active grid still at {@code expectedVersion}, keeping its last shape in its history. */
    public boolean retire(GridCode code, int expectedVersion, String by) {
        return jdbc.sql("""
                        WITH old AS (SELECT * FROM grid WHERE code = :code AND version = :expected AND status = 'ACTIVE' FOR UPDATE),
                             changed AS (UPDATE grid SET status = 'RETIRED', version = old.version + 1, updated_at = now(),
                                             updated_by = :by
                                         FROM old WHERE grid.code = old.code RETURNING grid.code)
                        INSERT INTO grid_history (grid_code, version, name, boundary, status, valid_from, valid_to, changed_by)
                        SELECT old.code, old.version, old.name, old.boundary, old.status, old.updated_at, now(), :by
                        FROM old WHERE EXISTS (SELECT 1 FROM changed)""")
                .param("code", code.value())
                .param("expected", expectedVersion)
                .param("by", by)
                .update() == 1;
    }

    public long placesIn(GridCode code) {
        return jdbc.sql("SELECT (SELECT count(*) FROM compound WHERE grid_code = :code) + (SELECT count(*) FROM work_unit WHERE grid_code = :code)")
                .param("code", code.value()).query(Long.class).single();
    }

    private static StoredGrid grid(ResultSet rs, int row) throws SQLException {
        return new StoredGrid(new GridCode(rs.getString("code")), GridKind.valueOf(rs.getString("kind")),
                rs.getString("name"), Geo.fromWkb(rs.getBytes("boundary")), "ACTIVE".equals(rs.getString("status")),
                rs.getInt("version"));
    }
}
