package org.wuyi.request;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.region.Region;
import org.wuyi.region.RegionService;
import org.wuyi.shared.RegionCode;

/**
 * A month's requests per community below a region, with the region's total: how many, the median and 90th-percentile
 * minutes to acceptance and to arrival (of those accepted / arrived; after a pass-back, the final acceptance), and each
 * share with its numerator and denominator — accepted within target (of all: one never accepted missed it), arrived
 * within target (of those that needed someone to come), resolved within target (of all), reopened (of all), satisfied
 * (of the callbacks that reached the resident and gave a verdict). Months are in Wuyi's time zone.
 */
@Service
public class RequestFigures {

    /** The figures of one community (or the region's total: {@code code} the region's). */
    public record Unit(String code, String name, long requests, Double acceptMedian, Double acceptP90, Double arriveMedian,
                       Double arriveP90, long acceptedInTime, long arriveExpected, long arrivedInTime, long resolvedInTime, long reopened,
                       long satisfied, long verdicts) {
    }

    public record Figures(String region, String name, YearMonth month, List<Unit> units, Unit total) {
    }

    private final JdbcClient jdbc;
    private final RegionService regions;
    private final ZoneId zone;

    RequestFigures(JdbcClient jdbc, RegionService regions, @Value("${wuyi.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.zone = zone;
    }

    @Transactional(readOnly = true)
    public Figures of(RegionCode code, YearMonth month) {
        Region region = regions.get(code);
        java.sql.Timestamp from = java.sql.Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant());
        java.sql.Timestamp to = java.sql.Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant());
        List<Unit> rows = jdbc.sql("""
                        SELECT community_code, count(*) AS requests,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - created_at) / 60) AS accept_median,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - created_at) / 60) AS accept_p90,
                               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM arrived_at - created_at) / 60) AS arrive_median,
                               percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM arrived_at - created_at) / 60) AS arrive_p90,
                               """ + RequestFacts.COUNTS + """
                        FROM help_request
                        WHERE community_code >= ? AND community_code < ? AND created_at >= ? AND created_at < ?
                        GROUP BY ROLLUP (community_code)
                        ORDER BY community_code NULLS LAST""")
                .params(code.value(), code.upperBound(), from, to)
                .query((rs, n) -> new Unit(rs.getString("community_code"), null, rs.getLong("requests"), number(rs, "accept_median"),
                        number(rs, "accept_p90"), number(rs, "arrive_median"), number(rs, "arrive_p90"), rs.getLong("accepted_in_time"),
                        rs.getLong("arrive_expected"), rs.getLong("arrived_in_time"), rs.getLong("resolved_in_time"), rs.getLong("reopened"),
                        rs.getLong("satisfied"), rs.getLong("verdicts"))).list();
        Map<String, String> names = regions.descendantsUnscoped(code, org.wuyi.region.RegionLevel.COMMUNITY).stream()
                .collect(Collectors.toMap(found -> found.code().value(), Region::name, (a, b) -> a));
        names.put(code.value(), region.name());
        List<Unit> units = new ArrayList<>();
        Unit total = new Unit(code.value(), region.name(), 0, null, null, null, null, 0, 0, 0, 0, 0, 0, 0);
        for (Unit row : rows) {
            if (row.code() == null) {
                total = named(row, code.value(), region.name());
            } else {
                units.add(named(row, row.code(), names.getOrDefault(row.code(), row.code())));
            }
        }
        return new Figures(code.value(), region.name(), month, units, total);
    }

    private static Unit named(Unit row, String code, String name) {
        return new Unit(code, name, row.requests(), row.acceptMedian(), row.acceptP90(), row.arriveMedian(), row.arriveP90(),
                row.acceptedInTime(), row.arriveExpected(), row.arrivedInTime(), row.resolvedInTime(), row.reopened(), row.satisfied(),
                row.verdicts());
    }

    private static Double number(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10) / 10.0;
    }
}
