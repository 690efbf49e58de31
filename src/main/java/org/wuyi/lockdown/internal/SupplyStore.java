package org.wuyi.lockdown.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.lockdown.SupplyOrder;

/** The {@code supply_order} table. */
@Component
public class SupplyStore {

    /** What an order writes. */
    public record New(long activationId, String gridCode, long householdId, String building, String room, String items, int itemCount,
                      boolean medicine, boolean priority, String source) {
    }

    private static final String SELECT = """
            SELECT id, activation_id, grid_code, household_id, building, room, items, item_count, medicine, priority, source,
                   ordered_at, delivered_at, delivered_by
            FROM supply_order""";

    private final JdbcClient jdbc;

    SupplyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(New order, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO supply_order (activation_id, grid_code, household_id, building, room, items, item_count, medicine,
                            priority, source, ordered_at, ordered_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(order.activationId(), order.gridCode(), order.householdId(), order.building(), order.room(), order.items(),
                        order.itemCount(), order.medicine(), order.priority(), order.source(), Timestamp.from(at), by)
                .query(Long.class).single();
    }

    /** An activation's orders: the open ones first — medicine for the vulnerable, other medicine, the rest — then by time. */
    public List<SupplyOrder> ofActivation(long activationId) {
        return jdbc.sql(SELECT + """
                         WHERE activation_id = ?
                        ORDER BY delivered_at IS NOT NULL, (priority AND medicine) DESC, medicine DESC, priority DESC, ordered_at, id""")
                .param(activationId).query(SupplyStore::row).list();
    }

    /** Marks an open order of this activation delivered; false when it was already (or is not this activation's). */
    public boolean deliver(long activationId, long id, Instant at, String by) {
        return jdbc.sql("UPDATE supply_order SET delivered_at = ?, delivered_by = ? WHERE id = ? AND activation_id = ? AND delivered_at IS NULL")
                .params(Timestamp.from(at), by, id, activationId).update() == 1;
    }

    /** A household's open orders in an activation. */
    public int openOf(long activationId, long householdId) {
        return jdbc.sql("SELECT count(*) FROM supply_order WHERE activation_id = ? AND household_id = ? AND delivered_at IS NULL")
                .params(activationId, householdId).query(Integer.class).single();
    }

    /** The open orders of an activation. */
    public int open(long activationId) {
        return jdbc.sql("SELECT count(*) FROM supply_order WHERE activation_id = ? AND delivered_at IS NULL").param(activationId)
                .query(Integer.class).single();
    }

    private static SupplyOrder row(ResultSet rs, int n) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new SupplyOrder(rs.getLong("id"), rs.getLong("activation_id"), rs.getString("grid_code"), rs.getLong("household_id"),
                rs.getString("building"), rs.getString("room"), rs.getString("items"), rs.getInt("item_count"), rs.getBoolean("medicine"),
                rs.getBoolean("priority"), rs.getString("source"), rs.getTimestamp("ordered_at").toInstant(),
                delivered == null ? null : delivered.toInstant(), rs.getString("delivered_by"));
    }
}
