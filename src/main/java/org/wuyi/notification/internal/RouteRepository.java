package org.wuyi.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.notification.ChannelKind;
import org.wuyi.shared.RegionCode;

/** The configured channel routes ({@code channel_route}); decrypted routes are kept a short while for delivery. */
@Repository
public class RouteRepository {

    /** A route as stored, its secret sealed. */
    public record Row(long id, String regionCode, ChannelKind kind, String urlShown, byte[] url, byte[] secret, String templateId,
                      boolean enabled, int version, String updatedBy, Instant updatedAt) {
    }

    private static final String COLUMNS = "id, region_code, kind, url_shown, url, secret, template_id, enabled, version, updated_by, updated_at";

    private final JdbcClient jdbc;
    private final ChannelKey key;
    private final Map<Long, Route> decrypted = new ConcurrentHashMap<>();

    RouteRepository(JdbcClient jdbc, ChannelKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    public List<Row> within(RegionCode root) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel_route WHERE region_code >= ? AND region_code < ? ORDER BY region_code, kind")
                .params(root.value(), root.upperBound()).query(RouteRepository::row).list();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel_route WHERE id = ?").param(id).query(RouteRepository::row).optional();
    }

    /** The enabled routes at any of these codes (a place and the regions above it). */
    public List<Row> enabledAt(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM channel_route WHERE enabled AND region_code = ANY (?)")
                .param(codes.toArray(String[]::new)).query(RouteRepository::row).list();
    }

    /** Creates or changes the route of a region and kind; a null secret keeps the stored one. False when stale. */
    public boolean save(String regionCode, ChannelKind kind, String urlShown, byte[] url, byte[] secret, String templateId,
                        boolean enabled, Integer version, String by) {
        decrypted.clear();
        if (version == null) {
            return jdbc.sql("""
                            INSERT INTO channel_route (region_code, kind, url_shown, url, secret, template_id, enabled, updated_by)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (region_code, kind) DO NOTHING""")
                    .params(regionCode, kind.name(), urlShown, url, secret, templateId, enabled, by).update() == 1;
        }
        return jdbc.sql("""
                        UPDATE channel_route SET url_shown = COALESCE(?, url_shown), url = COALESCE(?, url),
                            secret = COALESCE(?, secret), template_id = ?, enabled = ?,
                            version = version + 1, updated_by = ?, updated_at = now()
                        WHERE region_code = ? AND kind = ? AND version = ?""")
                .params(urlShown, url, secret, templateId, enabled, by, regionCode, kind.name(), version).update() == 1;
    }

    /** The route with its secret decrypted, for sending. */
    public Optional<Route> route(long id) {
        Route cached = decrypted.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Route> route = find(id).map(row -> new Route(row.id(), row.regionCode(), row.kind(), key.cipher().decrypt(row.url()),
                row.secret() == null ? null : key.cipher().decrypt(row.secret()), row.templateId(), row.enabled()));
        route.ifPresent(found -> decrypted.put(id, found));
        return route;
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("updated_at");
        return new Row(rs.getLong("id"), rs.getString("region_code"), ChannelKind.valueOf(rs.getString("kind")), rs.getString("url_shown"),
                rs.getBytes("url"), rs.getBytes("secret"), rs.getString("template_id"), rs.getBoolean("enabled"), rs.getInt("version"),
                rs.getString("updated_by"), at.toInstant());
    }
}
