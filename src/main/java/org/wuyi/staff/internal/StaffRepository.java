package org.wuyi.staff.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.shared.RegionCode;
import org.wuyi.staff.StaffRole;

/** Six-staff assignments, read as of a day. */
@Repository
public class StaffRepository {

    private static final String ACTIVE = "start_date <= :day AND (end_date IS NULL OR end_date >= :day)";

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The roles filled in each grid below a region on a day. */
    public Map<String, Set<StaffRole>> rolesByGrid(RegionCode region, LocalDate day) {
        Map<String, Set<StaffRole>> roles = new HashMap<>();
        jdbc.sql("SELECT DISTINCT grid_code, role FROM staff_assignment WHERE grid_code >= :from AND grid_code < :to AND " + ACTIVE)
                .param("from", region.value())
                .param("to", region.upperBound())
                .param("day", Date.valueOf(day))
                .query(rs -> {
                    roles.computeIfAbsent(rs.getString(1), grid -> EnumSet.noneOf(StaffRole.class))
                            .add(StaffRole.valueOf(rs.getString(2)));
                });
        return roles;
    }

    /** Distinct people holding a six-staff role below a region on a day. */
    public long distinctStaff(RegionCode region, LocalDate day) {
        return jdbc.sql("SELECT count(DISTINCT person_id) FROM staff_assignment WHERE grid_code >= :from AND grid_code < :to AND " + ACTIVE)
                .param("from", region.value())
                .param("to", region.upperBound())
                .param("day", Date.valueOf(day))
                .query(Long.class).single();
    }

    public boolean anyIn(RegionCode region) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM person WHERE region_code >= ? AND region_code < ?)")
                .params(region.value(), region.upperBound()).query(Boolean.class).single();
    }
}
