package org.wuyi.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A year of synthetic history for the demo district, written set-based (INSERT … SELECT, one transaction a table) into a
 * running Wuyi's database after its demo data is made: activations of the residential grids spread over the last 365
 * days, about one in five a drill, each calling the grid's six staff with most acknowledging within minutes and some
 * never; an outbox message per call, then more to reach the count asked; requests with their clocks, most within their
 * targets, some reopened, with callbacks; gate hours at the compounds with volunteers, most stood, some no-shows and
 * some empty. Random but seeded ({@code setseed}), so two runs write the same history.
 */
final class SyntheticYear {

    private SyntheticYear() {
    }

    static void write(Connection db, int activations, int messages, int requests, int hours) throws SQLException {
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            long started = System.nanoTime();
            sql.execute("SELECT setseed(0.15)");
            sql.execute("""
                    CREATE TEMP TABLE synthetic_grid AS
                    SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM grid WHERE kind = 'RESIDENTIAL'""");
            sql.execute("""
                    INSERT INTO activation (grid_code, reason, state, idempotency_key, plan_version, activated_by, activated_at, stood_down_by,
                                            stood_down_at, drill)
                    SELECT g.code, CASE WHEN s.n %% 5 = 0 THEN '演练（合成历史）' ELSE '疫情（合成历史）' END, 'STOOD_DOWN', 'synthetic-' || s.n, 1,
                           'synthetic', t.at, 'synthetic', t.at + interval '6 hours', s.n %% 5 = 0
                    FROM generate_series(1, %d) s(n)
                    JOIN synthetic_grid g ON g.n = s.n %% (SELECT count(*) FROM synthetic_grid)
                    CROSS JOIN LATERAL (SELECT now() - interval '1 day' - random() * interval '364 days' + s.n * interval '0 seconds' AS at) t"""
                    .formatted(activations));
            sql.execute("""
                    INSERT INTO activation_member (activation_id, person_id, group_code, leader, acknowledged_at)
                    SELECT a.id, p.person_id, (ARRAY['COORDINATION','CONTROL','TESTING','SUPPLIES','MEDICAL','SANITATION','PROPAGANDA','SECURITY'])[1 + p.k % 8],
                           p.k = 0,
                           CASE WHEN r.x < 0.08 THEN NULL ELSE a.activated_at + (power(r.x, 3) * 3600) * interval '1 second' END
                    FROM activation a
                    CROSS JOIN LATERAL (SELECT person_id, row_number() OVER (ORDER BY person_id) - 1 AS k
                                        FROM (SELECT DISTINCT person_id FROM staff_assignment WHERE grid_code = a.grid_code) d) p
                    CROSS JOIN LATERAL (SELECT random() + p.k * 0 AS x) r
                    WHERE a.activated_by = 'synthetic'""");
            sql.execute("""
                    INSERT INTO outbox_message (idempotency_key, channel, recipient_id, topic, correlation, subject, body, link, state, attempts,
                                                next_attempt_at, created_at, delivered_at)
                    SELECT 'synthetic:' || m.activation_id || ':' || m.person_id, 'IN_APP', m.person_id, 'activation.called',
                           'activation:' || m.activation_id, '网格启动：请到岗', '网格已启动战时机制，请立即到岗并确认。', '', 'DELIVERED', 1,
                           a.activated_at, a.activated_at, a.activated_at + interval '2 seconds'
                    FROM activation_member m JOIN activation a ON a.id = m.activation_id
                    WHERE a.activated_by = 'synthetic'
                    ORDER BY m.activation_id, m.person_id LIMIT %d""".formatted(messages));
            sql.execute("""
                    INSERT INTO outbox_message (idempotency_key, channel, recipient_id, topic, correlation, subject, body, link, state, attempts,
                                                next_attempt_at, created_at, delivered_at)
                    SELECT 'synthetic-reminder:' || m.activation_id || ':' || m.person_id, 'IN_APP', m.person_id, 'activation.reminder',
                           'activation:' || m.activation_id, '提醒：请确认到岗', '您尚未确认到岗，请尽快确认。', '', 'DELIVERED', 1,
                           a.activated_at + interval '15 minutes', a.activated_at + interval '15 minutes', a.activated_at + interval '15 minutes'
                    FROM activation_member m JOIN activation a ON a.id = m.activation_id
                    WHERE a.activated_by = 'synthetic'
                    ORDER BY m.activation_id DESC, m.person_id
                    LIMIT greatest(0, %d - (SELECT count(*) FROM outbox_message WHERE idempotency_key LIKE 'synthetic:%%'))"""
                    .formatted(messages));
            sql.execute("""
                    CREATE TEMP TABLE synthetic_compound AS
                    SELECT id, grid_code, row_number() OVER (ORDER BY id) - 1 AS n FROM compound""");
            sql.execute("""
                    INSERT INTO help_request (source, community_code, grid_code, category, urgent, role, routed_to_leader, compound_id, building, room,
                                              name, mobile, description, state, created_at, accept_due, arrive_due, resolve_due, accepted_at,
                                              arrived_at, resolved_at, closed_at, callback, reopened)
                    SELECT 'RESIDENT', substr(c.grid_code, 1, 12), c.grid_code, k.code, false, k.role, false, c.id, '1号楼', '101', '居民',
                           '13900000000', '合成历史诉求', 'CLOSED', t.at, t.at + interval '30 minutes',
                           CASE WHEN k.visit THEN t.at + interval '120 minutes' END, t.at + interval '1 day',
                           t.at + (r.x * 50) * interval '1 minute', CASE WHEN k.visit THEN t.at + (20 + r.x * 150) * interval '1 minute' END,
                           t.at + (60 + r.x * 1500) * interval '1 minute', t.at + interval '2 days',
                           CASE WHEN r.x < 0.7 THEN 'SATISFIED' WHEN r.x < 0.8 THEN 'UNSATISFIED' WHEN r.x < 0.9 THEN 'UNREACHABLE' END,
                           CASE WHEN r.x > 0.95 THEN 1 ELSE 0 END
                    FROM generate_series(1, %d) s(n)
                    JOIN synthetic_compound c ON c.n = s.n %% (SELECT count(*) FROM synthetic_compound)
                    JOIN (VALUES (0, 'MEDICAL', 'MEDICAL', true), (1, 'SUPPLIES', 'VOLUNTEER', false), (2, 'DAILY_NEEDS', 'VOLUNTEER', false),
                                 (3, 'SAFETY', 'POLICE', true)) k(i, code, role, visit) ON k.i = s.n %% 4
                    CROSS JOIN LATERAL (SELECT now() - interval '2 days' - random() * interval '363 days' + s.n * interval '0 seconds' AS at,
                                               random() + s.n * 0 AS x) t
                    CROSS JOIN LATERAL (SELECT t.x AS x) r""".formatted(requests));
            sql.execute("""
                    CREATE TEMP TABLE synthetic_post AS
                    SELECT compound_id, array_agg(id ORDER BY id) AS volunteers, row_number() OVER (ORDER BY compound_id) - 1 AS n
                    FROM volunteer WHERE state = 'APPROVED' GROUP BY compound_id""");
            sql.execute("""
                    INSERT INTO rota_job (compound_id, community_code, from_date, to_date, status, requested_by, expires_at, published_at)
                    SELECT p.compound_id, substr(c.grid_code, 1, 12), current_date - 365, current_date - 1, 'DONE', 'synthetic', now() + interval '10 years', now()
                    FROM synthetic_post p JOIN compound c ON c.id = p.compound_id""");
            sql.execute("""
                    INSERT INTO rota_duty (compound_id, community_code, post_id, gate_name, duty_date, hour, seat, starts_at, volunteer_id, job_id,
                                           checked_in_at, checked_in_by, no_show_volunteer_id)
                    SELECT p.compound_id, j.community_code, -p.compound_id, '合成卡口', d.day, d.hour, d.seat,
                           (d.day + make_interval(hours => d.hour))::timestamp AT TIME ZONE 'Asia/Shanghai',
                           CASE WHEN r.x >= 0.05 THEN v.id END, j.id,
                           CASE WHEN r.x >= 0.12 THEN (d.day + make_interval(hours => d.hour))::timestamp AT TIME ZONE 'Asia/Shanghai' END,
                           CASE WHEN r.x >= 0.12 THEN 'synthetic' END,
                           CASE WHEN r.x >= 0.05 AND r.x < 0.08 THEN v.id END
                    FROM generate_series(0, %d - 1) s(n)
                    JOIN synthetic_post p ON p.n = s.n %% (SELECT count(*) FROM synthetic_post)
                    JOIN rota_job j ON j.compound_id = p.compound_id AND j.requested_by = 'synthetic'
                    CROSS JOIN LATERAL (SELECT (s.n / (SELECT count(*) FROM synthetic_post)) AS k) q
                    CROSS JOIN LATERAL (SELECT current_date - 1 - (q.k %% 365)::int AS day, 6 + ((q.k / 365) %% 16)::int AS hour,
                                               ((q.k / (365 * 16)) %% 10)::int AS seat) d
                    CROSS JOIN LATERAL (SELECT p.volunteers[1 + (q.k %% array_length(p.volunteers, 1))] AS id) v
                    CROSS JOIN LATERAL (SELECT random() + s.n * 0 AS x) r""".formatted(hours));
            db.commit();
            try (var counts = sql.executeQuery("""
                    SELECT (SELECT count(*) FROM activation), (SELECT count(*) FILTER (WHERE drill) FROM activation),
                           (SELECT count(*) FROM activation_member), (SELECT count(*) FROM outbox_message), (SELECT count(*) FROM help_request),
                           (SELECT count(*) FROM rota_duty), (SELECT count(DISTINCT compound_id) FROM rota_duty)""")) {
                counts.next();
                System.out.printf(Locale.ROOT, "synthetic year written in %.1f s: %,d activations (%,d drills), %,d calls, %,d outbox messages, "
                                + "%,d requests, %,d gate hours at %,d compounds%n", (System.nanoTime() - started) / 1e9, counts.getLong(1),
                        counts.getLong(2), counts.getLong(3), counts.getLong(4), counts.getLong(5), counts.getLong(6), counts.getLong(7));
            }
            sql.execute("ANALYZE");
        } catch (SQLException failed) {
            db.rollback();
            throw failed;
        } finally {
            db.setAutoCommit(true);
        }
    }
}
