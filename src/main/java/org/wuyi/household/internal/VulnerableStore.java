package org.wuyi.household.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.household.VulnerableResident;

/** The {@code vulnerable_resident} table. */
@Component
public class VulnerableStore {

    private static final String SELECT = """
            SELECT v.id, v.household_id, v.grid_code, h.building, h.room, v.name, v.kinds, v.needs, v.carer, v.version
            FROM vulnerable_resident v JOIN household h ON h.id = v.household_id""";

    private final JdbcClient jdbc;

    VulnerableStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<VulnerableResident> ofGrid(String gridCode) {
        return jdbc.sql(SELECT + " WHERE v.grid_code = ? ORDER BY h.compound_id, h.building, length(h.room), h.room, v.id").param(gridCode)
                .query(VulnerableStore::row).list();
    }

    public Optional<VulnerableResident> find(long id) {
        return jdbc.sql(SELECT + " WHERE v.id = ?").param(id).query(VulnerableStore::row).optional();
    }

    /** The households of a grid with someone vulnerable in them: no names, for putting their orders first. */
    public Set<Long> households(String gridCode) {
        return Set.copyOf(jdbc.sql("SELECT DISTINCT household_id FROM vulnerable_resident WHERE grid_code = ?").param(gridCode)
                .query(Long.class).list());
    }

    public long insert(long householdId, String gridCode, String name, List<String> kinds, String needs, String carer, String by) {
        return jdbc.sql("""
                        INSERT INTO vulnerable_resident (household_id, grid_code, name, kinds, needs, carer, updated_by)
                        VALUES (?, ?, ?, ?::text[], ?, ?, ?) RETURNING id""")
                .params(householdId, gridCode, name, kinds.toArray(String[]::new), needs, carer, by).query(Long.class).single();
    }

    public boolean update(long id, int version, String name, List<String> kinds, String needs, String carer, String by) {
        return jdbc.sql("""
                        UPDATE vulnerable_resident SET name = ?, kinds = ?::text[], needs = ?, carer = ?, version = version + 1,
                            updated_at = now(), updated_by = ?
                        WHERE id = ? AND version = ?""")
                .params(name, kinds.toArray(String[]::new), needs, carer, by, id, version).update() == 1;
    }

    public boolean delete(long id, int version) {
        return jdbc.sql("DELETE FROM vulnerable_resident WHERE id = ? AND version = ?").params(id, version).update() == 1;
    }

    private static VulnerableResident row(ResultSet rs, int n) throws SQLException {
        Array kinds = rs.getArray("kinds");
        return new VulnerableResident(rs.getLong("id"), rs.getLong("household_id"), rs.getString("grid_code"), rs.getString("building"),
                rs.getString("room"), rs.getString("name"), Arrays.asList((String[]) kinds.getArray()), rs.getString("needs"),
                rs.getString("carer"), rs.getInt("version"));
    }
}
