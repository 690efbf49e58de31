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

    /** The retired categories (their requests keep them; the district may bring one back). */
    public List<Category> retired() {
        return jdbc.sql(SELECT + " WHERE NOT active ORDER BY position, code").query(CategoryStore::row).list();
    }

    /** A category whether in use or retired (a request keeps the category it was made in). */
    public Optional<Category> anyState(String code) {
        return jdbc.sql(SELECT + " WHERE code = ?").param(code).query(CategoryStore::row).optional();
    }

    public Optional<Category> find(String code) {
        return jdbc.sql(SELECT + " WHERE code = ? AND active").param(code).query(CategoryStore::row).optional();
    }

    /** Inserts or replaces a category; true when it was new. */
    public boolean save(Category category, boolean active) {
        boolean known = jdbc.sql("SELECT count(*) > 0 FROM request_category WHERE code = ?").param(category.code()).query(Boolean.class).single();
        jdbc.sql("""
                        INSERT INTO request_category (code, name_zh, name_en, first_roles, life_safety, accept_minutes, arrive_minutes,
                            resolve_minutes, urgent_accept_minutes, urgent_arrive_minutes, urgent_resolve_minutes, position, active)
                        VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM request_category), ?)
                        ON CONFLICT (code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                            first_roles = excluded.first_roles, life_safety = excluded.life_safety, accept_minutes = excluded.accept_minutes,
                            arrive_minutes = excluded.arrive_minutes, resolve_minutes = excluded.resolve_minutes,
                            urgent_accept_minutes = excluded.urgent_accept_minutes, urgent_arrive_minutes = excluded.urgent_arrive_minutes,
                            urgent_resolve_minutes = excluded.urgent_resolve_minutes, active = excluded.active""")
                .params(category.code(), category.nameZh(), category.nameEn(), category.firstRoles().stream().map(Enum::name).toArray(String[]::new),
                        category.lifeSafety(), minutes(category.normal().accept()), minutes(category.normal().arrive()),
                        minutes(category.normal().resolve()), minutes(category.urgent().accept()), minutes(category.urgent().arrive()),
                        minutes(category.urgent().resolve()), active)
                .update();
        return !known;
    }

    private static Integer minutes(Duration duration) {
        return duration == null ? null : (int) duration.toMinutes();
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
