package org.wuyi.request;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.RegionScope;
import org.wuyi.shared.RegionCode;

/**
 * What supervision needs to know of requests, without reading request's tables: per grid below a region, of the
 * requests made in [from, to), the counts behind each target (accepted, arrived, resolved within theirs; reopened;
 * satisfied of the callbacks with a verdict), and the requests behind a unit's figures.
 */
@Service
@Transactional(readOnly = true)
public class RequestFacts {

    /** One grid's counts; {@code arriveExpected}: the requests that needed someone to come. */
    public record Grid(String gridCode, long requests, long acceptedInTime, long arriveExpected, long arrivedInTime, long resolvedInTime,
                       long reopened, long satisfied, long verdicts) {
    }

    /** One request behind a figure (its category by its Chinese name); times null when not (yet) reached. */
    public record Row(long id, String gridCode, String category, Instant createdAt, Instant acceptDue, Instant acceptedAt, Instant arriveDue,
                      Instant arrivedAt, Instant resolveDue, Instant resolvedAt, int reopened, String callback) {
    }

    /** The counts behind the targets, as columns of a query over {@code help_request} (shared with {@link RequestFigures}). */
    static final String COUNTS = """
            count(*) FILTER (WHERE accepted_at <= accept_due) AS accepted_in_time,
            count(*) FILTER (WHERE arrive_due IS NOT NULL) AS arrive_expected,
            count(*) FILTER (WHERE arrived_at <= arrive_due) AS arrived_in_time,
            count(*) FILTER (WHERE resolved_at <= resolve_due) AS resolved_in_time,
            count(*) FILTER (WHERE reopened > 0) AS reopened,
            count(*) FILTER (WHERE callback = 'SATISFIED') AS satisfied,
            count(*) FILTER (WHERE callback IN ('SATISFIED', 'UNSATISFIED')) AS verdicts
            """;

    private final JdbcClient jdbc;
    private final RegionScope scope;

    RequestFacts(JdbcClient jdbc, RegionScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    public List<Grid> grids(RegionCode region, Instant from, Instant to) {
        scope.check(region);
        return jdbc.sql("SELECT grid_code, count(*) AS requests, " + COUNTS + """
                        FROM help_request
                        WHERE community_code >= ? AND community_code < ? AND created_at >= ? AND created_at < ?
                        GROUP BY grid_code""")
                .params(region.value(), region.upperBound(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Grid(rs.getString("grid_code"), rs.getLong("requests"), rs.getLong("accepted_in_time"),
                        rs.getLong("arrive_expected"), rs.getLong("arrived_in_time"), rs.getLong("resolved_in_time"), rs.getLong("reopened"),
                        rs.getLong("satisfied"), rs.getLong("verdicts"))).list();
    }

    /** A month's requests and those accepted within their target. */
    public record Month(String month, long requests, long acceptedInTime) {
    }

    /** Per month ({@code yyyy-MM} in the zone given) of the requests made in [from, to) below a region. */
    public List<Month> months(RegionCode region, Instant from, Instant to, java.time.ZoneId zone) {
        scope.check(region);
        return jdbc.sql("""
                        SELECT to_char(created_at AT TIME ZONE ?, 'YYYY-MM') AS month, count(*), count(*) FILTER (WHERE accepted_at <= accept_due)
                        FROM help_request
                        WHERE community_code >= ? AND community_code < ? AND created_at >= ? AND created_at < ?
                        GROUP BY 1 ORDER BY 1""")
                .params(zone.getId(), region.value(), region.upperBound(), Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Month(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The requests below a place code (a grid, community, street or district inside the reader's region), newest first. */
    public List<Row> rows(String code, Instant from, Instant to, int limit) {
        scope.check(code);
        return jdbc.sql("""
                        SELECT id, grid_code, (SELECT c.name_zh FROM request_category c WHERE c.code = category) AS category, created_at, accept_due, accepted_at, arrive_due, arrived_at, resolve_due, resolved_at,
                               reopened, callback
                        FROM help_request
                        WHERE grid_code >= ? AND grid_code < ? AND created_at >= ? AND created_at < ?
                        ORDER BY created_at DESC LIMIT ?""")
                .params(code, code + "~", Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("grid_code"), rs.getString("category"), instant(rs, "created_at"),
                        instant(rs, "accept_due"), instant(rs, "accepted_at"), instant(rs, "arrive_due"), instant(rs, "arrived_at"),
                        instant(rs, "resolve_due"), instant(rs, "resolved_at"), rs.getInt("reopened"), rs.getString("callback"))).list();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
