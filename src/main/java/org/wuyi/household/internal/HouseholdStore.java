package org.wuyi.household.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.household.Household;
import org.wuyi.shared.MobileNumber;

/** The {@code household} table. */
@Component
public class HouseholdStore {

    /** A room of a building, as a sign-up or an import names it. */
    public record Key(long compoundId, long buildingId, String gridCode, String building, String room) {
    }

    /** What an edit or an import writes; {@code mobile} null keeps the stored one when {@code keepMobile}. */
    public record Fields(Integer people, String mobile, boolean keepMobile, String notes) {
    }

    private static final String SELECT = """
            SELECT id, compound_id, building_id, grid_code, building, room, people, contact_mobile, notes, version FROM household""";

    private final JdbcClient jdbc;

    HouseholdStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The households of these rooms, made where missing (never a second for a room); id by key. */
    public Map<Key, Long> ensure(List<Key> keys, String by) {
        Map<Key, Long> ids = new HashMap<>();
        if (keys.isEmpty()) {
            return ids;
        }
        Object[] compounds = keys.stream().map(Key::compoundId).toArray(Long[]::new);
        Object[] buildings = keys.stream().map(Key::buildingId).toArray(Long[]::new);
        Object[] grids = keys.stream().map(Key::gridCode).toArray(String[]::new);
        Object[] names = keys.stream().map(Key::building).toArray(String[]::new);
        Object[] rooms = keys.stream().map(Key::room).toArray(String[]::new);
        jdbc.sql("""
                        INSERT INTO household (compound_id, building_id, grid_code, building, room, updated_by)
                        SELECT * , ? FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                        ON CONFLICT (building_id, room) DO NOTHING""")
                .params(by, compounds, buildings, grids, names, rooms).update();
        Map<String, Key> byRoom = new HashMap<>();
        keys.forEach(key -> byRoom.put(key.buildingId() + "/" + key.room(), key));
        jdbc.sql("""
                        SELECT h.id, h.building_id, h.room FROM household h
                        JOIN unnest(?::bigint[], ?::text[]) AS k (building_id, room) ON k.building_id = h.building_id AND k.room = h.room""")
                .params(buildings, rooms)
                .query(rs -> {
                    ids.put(byRoom.get(rs.getLong(2) + "/" + rs.getString(3)), rs.getLong(1));
                });
        return ids;
    }

    public List<Household> ofCompound(long compoundId) {
        return jdbc.sql(SELECT + " WHERE compound_id = ? ORDER BY building, length(room), room").param(compoundId)
                .query(HouseholdStore::row).list();
    }

    public List<Household> ofGrid(String gridCode) {
        return jdbc.sql(SELECT + " WHERE grid_code = ? ORDER BY compound_id, building, length(room), room").param(gridCode)
                .query(HouseholdStore::row).list();
    }

    public Optional<Household> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(HouseholdStore::row).optional();
    }

    /** The household of a room of a building, if recorded. */
    public Optional<Household> findRoom(long buildingId, String room) {
        return jdbc.sql(SELECT + " WHERE building_id = ? AND room = ?").params(buildingId, room).query(HouseholdStore::row).optional();
    }

    /** Whether the household's recorded contact mobile is this one. */
    public boolean contactIs(long id, String mobile) {
        return jdbc.sql("SELECT count(*) FROM household WHERE id = ? AND contact_mobile = ?").params(id, mobile).query(Long.class).single() == 1;
    }

    /** Households by building and room of one compound (for an import to tell new from changed). */
    public Map<String, Stored> storedOf(long compoundId) {
        Map<String, Stored> stored = new HashMap<>();
        jdbc.sql("SELECT id, building_id, room, people, contact_mobile, notes, version FROM household WHERE compound_id = ?").param(compoundId)
                .query(rs -> {
                    stored.put(rs.getLong(2) + "/" + rs.getString(3), new Stored(rs.getLong(1), (Integer) rs.getObject(4),
                            rs.getString(5), rs.getString(6), rs.getInt(7)));
                });
        return stored;
    }

    /** A household as stored, its mobile in full (for comparing, never for showing). */
    public record Stored(long id, Integer people, String mobile, String notes, int version) {
    }

    /** Changes a household if it is still at the version read; false when stale. */
    public boolean update(long id, int version, Fields fields, String by) {
        return jdbc.sql("""
                        UPDATE household SET people = ?, contact_mobile = CASE WHEN ? THEN contact_mobile ELSE ? END, notes = ?,
                            version = version + 1, updated_at = now(), updated_by = ?
                        WHERE id = ? AND version = ?""")
                .params(fields.people(), fields.keepMobile(), fields.mobile(), fields.notes(), by, id, version).update() == 1;
    }

    /** Adds a household with its fields; empty when the room is already recorded. */
    public Optional<Long> insert(Key key, Fields fields, String by) {
        return jdbc.sql("""
                        INSERT INTO household (compound_id, building_id, grid_code, building, room, people, contact_mobile, notes, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (building_id, room) DO NOTHING RETURNING id""")
                .params(key.compoundId(), key.buildingId(), key.gridCode(), key.building(), key.room(), fields.people(), fields.mobile(),
                        fields.notes(), by)
                .query(Long.class).optional();
    }

    /** Per compound: households recorded, and how many of them have their people counted. */
    public Map<Long, long[]> counts(List<Long> compoundIds) {
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.sql("SELECT compound_id, count(*), count(people), coalesce(sum(people), 0) FROM household WHERE compound_id = ANY (?) GROUP BY compound_id")
                .param(compoundIds.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        return counts;
    }

    private static Household row(ResultSet rs, int n) throws SQLException {
        String mobile = rs.getString("contact_mobile");
        return new Household(rs.getLong("id"), rs.getLong("compound_id"), rs.getLong("building_id"), rs.getString("grid_code"),
                rs.getString("building"), rs.getString("room"), (Integer) rs.getObject("people"),
                mobile == null ? null : MobileNumber.of(mobile).masked(), rs.getString("notes"), rs.getInt("version"));
    }
}
