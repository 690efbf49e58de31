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

    private static final String SELECT = "SELECT id, grid_code, day, happened, problems, needs, on_time, filed_at, filed_by,"
            + " (SELECT count(*) FROM grid_report_photo p WHERE p.report_id = grid_report.id) FROM grid_report";

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
                        rs.getString(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant(), rs.getString(9), rs.getInt(10))).list();
    }

    /** Keeps a report's photo (already checked and re-encoded) at its position. */
    public void photo(long reportId, int position, org.wuyi.platform.web.PhotoCheck.Clean photo) {
        jdbc.sql("INSERT INTO grid_report_photo (report_id, position, content_type, width, height, bytes) VALUES (?, ?, ?, ?, ?, ?)")
                .params(reportId, position, photo.contentType(), photo.width(), photo.height(), photo.bytes()).update();
    }

    /** A report's photo with the report's grid (for the scope check). */
    public record Photo(String gridCode, String contentType, byte[] bytes) {
    }

    public java.util.Optional<Photo> photo(long reportId, int position) {
        return jdbc.sql("""
                        SELECT r.grid_code, p.content_type, p.bytes FROM grid_report_photo p JOIN grid_report r ON r.id = p.report_id
                        WHERE p.report_id = ? AND p.position = ?""")
                .params(reportId, position).query((rs, n) -> new Photo(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }
}
