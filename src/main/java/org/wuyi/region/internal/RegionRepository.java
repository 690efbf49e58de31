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
        return jdbc.sql("SELECT code, name FROM region WHERE code = ?")
                .param(code.value())
                .query(RegionRepository::map)
                .optional();
    }

    public List<Region> children(RegionCode code) {
        RegionLevel level = RegionLevel.of(code);
        return level == RegionLevel.COMMUNITY ? List.of() : descendants(code, RegionLevel.values()[level.ordinal() + 1]);
    }

    public List<Region> descendants(RegionCode code, RegionLevel level) {
        return jdbc.sql("SELECT code, name FROM region WHERE code > ? AND code < ? AND length(code) = ? ORDER BY code")
                .params(code.value(), code.upperBound(), level.codeLength())
                .query(RegionRepository::map)
                .list();
    }

    /** How many regions of each level lie strictly below this one. */
    public Map<RegionLevel, Long> countBelow(RegionCode code) {
        Map<RegionLevel, Long> counts = new EnumMap<>(RegionLevel.class);
        jdbc.sql("SELECT length(code) AS code_length, count(*) AS n FROM region WHERE code > ? AND code < ? GROUP BY 1")
                .params(code.value(), code.upperBound())
                .query(rs -> {
                    counts.put(RegionLevel.ofCodeLength(rs.getInt("code_length")), rs.getLong("n"));
                });
        return counts;
    }

    private static Region map(ResultSet rs, int row) throws SQLException {
        RegionCode code = RegionCode.of(rs.getString("code"));
        return new Region(code, rs.getString("name"), RegionLevel.of(code), code.parent().orElse(null));
    }
}
