package org.wuyi.risk;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.RegionScope;
import org.wuyi.shared.RegionCode;

/**
 * What supervision needs to know of risk areas over time, without reading risk's tables: per month below a region, the
 * areas declared, those lifted, and those still in force at the month's end (or now, for the month under way).
 */
@Service
@Transactional(readOnly = true)
public class RiskFacts {

    public record Month(String month, long declared, long lifted, long inForce) {
    }

    private final JdbcClient jdbc;
    private final RegionScope scope;

    RiskFacts(JdbcClient jdbc, RegionScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Every month of [first, last] in the zone given, also those with nothing. */
    public List<Month> months(RegionCode region, YearMonth first, YearMonth last, ZoneId zone) {
        scope.check(region);
        return jdbc.sql("""
                        SELECT to_char(m.start, 'YYYY-MM'),
                               count(*) FILTER (WHERE a.declared_at >= m.start AT TIME ZONE ? AND a.declared_at < m.finish AT TIME ZONE ?),
                               count(*) FILTER (WHERE a.lifted_at >= m.start AT TIME ZONE ? AND a.lifted_at < m.finish AT TIME ZONE ?),
                               count(*) FILTER (WHERE a.declared_at < least(m.finish AT TIME ZONE ?, now())
                                                  AND (a.lifted_at IS NULL OR a.lifted_at >= least(m.finish AT TIME ZONE ?, now())))
                        FROM generate_series(?::date, ?::date, interval '1 month') AS m(start)
                        CROSS JOIN LATERAL (SELECT m.start + interval '1 month' AS finish) f
                        LEFT JOIN risk_area a ON a.grid_code >= ? AND a.grid_code < ?
                        GROUP BY m.start ORDER BY m.start""".replace("m.finish", "f.finish"))
                .params(zone.getId(), zone.getId(), zone.getId(), zone.getId(), zone.getId(), zone.getId(), java.sql.Date.valueOf(first.atDay(1)),
                        java.sql.Date.valueOf(last.atDay(1)), region.value(), region.upperBound())
                .query((rs, n) -> new Month(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).list();
    }
}
