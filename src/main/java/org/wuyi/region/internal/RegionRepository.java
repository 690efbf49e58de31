package org.wuyi.region.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.region.Region;
import org.wuyi.region.RegionLevel;
import org.wuyi.shared.RegionCode;

/** The {@code region} table. Subtrees are range scans of the primary key (see {@link RegionCode#upperBound()}). */
@Repository
public class RegionRepository {

    private final JdbcClient jdbc;

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(RegionCode code) {
        return jdbc.sql("SELECT code, name, level, parent_code FROM region WHERE code = ?")
                .param(code.value())
                .query(RegionRepository::map)
                .optional();
    }

    public List<Region> children(RegionCode code) {
        RegionLevel level = RegionLevel.of(code);
        if (level == RegionLevel.COMMUNITY) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT code, name, level, parent_code FROM region
                        WHERE code > ? AND code < ? AND level = ? ORDER BY code""")
                .params(code.value(), code.upperBound(), RegionLevel.values()[level.ordinal() + 1].name())
                .query(RegionRepository::map)
                .list();
    }

    /** How many regions of each level lie strictly below this one. */
    public Map<RegionLevel, Long> countBelow(RegionCode code) {
        Map<RegionLevel, Long> counts = new EnumMap<>(RegionLevel.class);
        jdbc.sql("SELECT level, count(*) AS n FROM region WHERE code > ? AND code < ? GROUP BY level")
                .params(code.value(), code.upperBound())
                .query(rs -> {
                    counts.put(RegionLevel.valueOf(rs.getString("level")), rs.getLong("n"));
                });
        return counts;
    }

    private static Region map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_code");
        return new Region(RegionCode.of(rs.getString("code")), rs.getString("name"),
                RegionLevel.valueOf(rs.getString("level")), parent == null ? null : RegionCode.of(parent));
    }
}
