package org.wuyi.request.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.request.Category;
import org.wuyi.staff.StaffRole;

/** The {@code request_category} table: the district's kinds of need, their first roles and targets. */
@Repository
public class CategoryStore {

    private static final String SELECT = """
            SELECT code, name_zh, name_en, first_roles, life_safety, accept_minutes, arrive_minutes, resolve_minutes,
                   urgent_accept_minutes, urgent_arrive_minutes, urgent_resolve_minutes
            FROM request_category""";

    private final JdbcClient jdbc;

    CategoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The categories in use, in the district's order. */
    public List<Category> active() {
        return jdbc.sql(SELECT + " WHERE active ORDER BY position, code").query(CategoryStore::row).list();
    }

    public Optional<Category> find(String code) {
        return jdbc.sql(SELECT + " WHERE code = ? AND active").param(code).query(CategoryStore::row).optional();
    }

    private static Category row(ResultSet rs, int n) throws SQLException {
        Array roles = rs.getArray("first_roles");
        return new Category(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                Arrays.stream((String[]) roles.getArray()).map(StaffRole::valueOf).toList(), rs.getBoolean("life_safety"),
                new Category.Targets(minutes(rs, "accept_minutes"), minutes(rs, "arrive_minutes"), minutes(rs, "resolve_minutes")),
                new Category.Targets(minutes(rs, "urgent_accept_minutes"), minutes(rs, "urgent_arrive_minutes"),
                        minutes(rs, "urgent_resolve_minutes")));
    }

    private static Duration minutes(ResultSet rs, String column) throws SQLException {
        int minutes = rs.getInt(column);
        return rs.wasNull() ? null : Duration.ofMinutes(minutes);
    }
}
