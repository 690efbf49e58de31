package org.wuyi.platform.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SealedValues} for sealed columns of one table, written once: a module extends it for its own table, naming
 * the table, its key column, the sealed columns (null allowed) and, optionally, a column derived from the first
 * one's plain value (a fingerprint), rewritten with it. Table and column names are the module's constants, never input.
 */
public abstract class SealedTable implements SealedValues {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final String table;
    private final String id;
    private final List<String> columns;
    private final String setting;
    private final Supplier<FieldCipher> ring;
    private String derived;
    private BiFunction<FieldCipher, String, String> derive;

    protected SealedTable(JdbcClient jdbc, JdbcTemplate batches, String table, String id, List<String> columns, String setting,
                          Supplier<FieldCipher> ring) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.table = table;
        this.id = id;
        this.columns = List.copyOf(columns);
        this.setting = setting;
        this.ring = ring;
    }

    /** A column rewritten from the first sealed column's plain value whenever that is resealed. */
    protected final void derive(String column, BiFunction<FieldCipher, String, String> from) {
        this.derived = column;
        this.derive = from;
    }

    protected final JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public String name() {
        return table + "." + String.join("/", columns);
    }

    @Override
    public String setting() {
        return setting;
    }

    @Override
    public FieldCipher ring() {
        return ring.get();
    }

    private static String version(String column) {
        return "get_byte(%1$s, 1) * 256 + get_byte(%1$s, 2)".formatted(column);
    }

    @Override
    public Map<Integer, Long> countByVersion() {
        String versions = columns.stream()
                .map(column -> "SELECT %s AS v FROM %s WHERE %s IS NOT NULL".formatted(version(column), table, column))
                .collect(Collectors.joining(" UNION ALL "));
        Map<Integer, Long> counts = new TreeMap<>();
        jdbc.sql("SELECT v, count(*) FROM (" + versions + ") sealed GROUP BY v").query(rs -> {
            counts.put(rs.getInt(1), rs.getLong(2));
        });
        return counts;
    }

    @Override
    @Transactional
    public int rotateBatch(int limit) {
        FieldCipher keys = ring.get();
        if (keys == null) {
            throw new IllegalStateException(setting + " is not set");
        }
        int current = keys.current().version();
        String stale = columns.stream()
                .map(column -> "(%1$s IS NOT NULL AND (get_byte(%1$s, 0) <> 1 OR %2$s <> %3$d))".formatted(column, version(column), current))
                .collect(Collectors.joining(" OR "));
        List<Object[]> rows = jdbc.sql("SELECT %s, %s FROM %s WHERE %s ORDER BY %s LIMIT ? FOR UPDATE SKIP LOCKED"
                        .formatted(id, String.join(", ", columns), table, stale, id))
                .param(limit)
                .query((rs, row) -> {
                    Object[] values = new Object[columns.size() + 1];
                    values[0] = rs.getObject(1);
                    for (int c = 0; c < columns.size(); c++) {
                        values[c + 1] = rs.getBytes(c + 2);
                    }
                    return values;
                }).list();
        List<Object[]> updates = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<Object> update = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                byte[] sealed = (byte[]) row[c + 1];
                update.add(sealed == null ? null : keys.reseal(sealed));
            }
            if (derived != null) {
                update.add(derive.apply(keys, keys.decrypt((byte[]) row[1])));
            }
            update.add(row[0]);
            for (int c = 0; c < columns.size(); c++) {
                update.add(row[c + 1]);
            }
            updates.add(update.toArray());
        }
        String set = columns.stream().map(column -> column + " = ?").collect(Collectors.joining(", "))
                + (derived == null ? "" : ", " + derived + " = ?");
        String unchanged = columns.stream().map(column -> column + " IS NOT DISTINCT FROM ?").collect(Collectors.joining(" AND "));
        int done = 0;
        for (int changed : batches.batchUpdate("UPDATE %s SET %s WHERE %s = ? AND %s".formatted(table, set, id, unchanged), updates)) {
            done += Math.max(changed, 0);
        }
        return done;
    }
}
