package org.wuyi.supervision.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.supervision.FiledReport;

/** The {@code grid_report} table. */
@Component
public class ReportStore {

    private static final String SELECT = "SELECT id, grid_code, day, happened, problems, needs, on_time, filed_at, filed_by FROM grid_report";

    private final JdbcClient jdbc;

    ReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String gridCode, LocalDate day, String happened, String problems, String needs, boolean onTime, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO grid_report (grid_code, day, happened, problems, needs, on_time, filed_at, filed_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(gridCode, Date.valueOf(day), happened, problems, needs, onTime, Timestamp.from(at), by).query(Long.class).single();
    }

    /** The reports below a code prefix for days in [from, to], by day and grid. */
    public List<FiledReport> below(String prefix, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " WHERE grid_code >= ? AND grid_code < ? AND day BETWEEN ? AND ? ORDER BY day, grid_code, filed_at")
                .params(prefix, prefix + "~", Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new FiledReport(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant(), rs.getString(9))).list();
    }
}
