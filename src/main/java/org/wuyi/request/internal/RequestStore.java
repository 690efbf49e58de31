package org.wuyi.request.internal;

import static org.wuyi.platform.jdbc.Columns.doubleOrNull;
import static org.wuyi.platform.jdbc.Columns.instantOrNull;
import static org.wuyi.platform.jdbc.Columns.longOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.platform.web.PhotoCheck;
import org.wuyi.request.RequestState;

/** The {@code help_request}, {@code request_recipient} and {@code request_event} tables. */
@Repository
public class RequestStore {

    /** A stored request. */
    public record Row(long id, String source, String communityCode, String gridCode, String category, boolean urgent, String role,
                      boolean routedToLeader, Long compoundId, String building, String room, Double lon, Double lat, String name,
                      String mobile, String description, RequestState state, Long ownerPersonId, Instant createdAt, Instant acceptDue,
                      Instant arriveDue, Instant resolveDue, Instant acceptedAt, Instant arrivedAt, Instant resolvedAt,
                      Instant closedAt, int version, String callback, int reopened, int passBacks) {
    }

    /** What a new request writes. */
    public record New(String idempotencyKey, String source, String communityCode, String gridCode, String category, boolean urgent,
                      String role, boolean routedToLeader, Long compoundId, String building, String room, Double lon, Double lat,
                      String name, String mobile, String description, Instant createdAt, Instant acceptDue, Instant arriveDue,
                      Instant resolveDue) {
    }

    private static final String COLUMNS = """
            id, source, community_code, grid_code, category, urgent, role, routed_to_leader, compound_id, building, room, lon, lat,
            name, mobile, description, state, owner_person_id, created_at, accept_due, arrive_due, resolve_due, accepted_at,
            arrived_at, resolved_at, closed_at, version, callback, reopened, pass_backs""";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a request, routed and dispatched (its recipients are written with {@link #recipients(long, List, String)}),
     * unless its idempotency key is known; the stored row, or empty for a repeat.
     */
    public Optional<Row> insertDispatched(New request) {
        return jdbc.sql("""
                        INSERT INTO help_request (idempotency_key, source, community_code, grid_code, category, urgent, role, routed_to_leader,
                            compound_id, building, room, lon, lat, name, mobile, description, state, created_at, accept_due, arrive_due,
                            resolve_due, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DISPATCHED', ?, ?, ?, ?, 1)
                        ON CONFLICT (idempotency_key) DO NOTHING RETURNING\s""" + COLUMNS)
                .params(request.idempotencyKey(), request.source(), request.communityCode(), request.gridCode(), request.category(),
                        request.urgent(), request.role(), request.routedToLeader(), request.compoundId(), request.building(), request.room(),
                        request.lon(), request.lat(), request.name(), request.mobile(), request.description(),
                        Timestamp.from(request.createdAt()), Timestamp.from(request.acceptDue()), timestamp(request.arriveDue()),
                        Timestamp.from(request.resolveDue()))
                .query(RequestStore::row).optional();
    }

    public Optional<Long> byIdempotencyKey(String key) {
        return jdbc.sql("SELECT id FROM help_request WHERE idempotency_key = ?").param(key).query(Long.class).optional();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM help_request WHERE id = ?").param(id).query(RequestStore::row).optional();
    }

    /** Records whom the request was sent to. */
    public void recipients(long id, List<Long> people, String role) {
        if (!people.isEmpty()) {
            jdbc.sql("""
                            INSERT INTO request_recipient (request_id, person_id, role)
                            SELECT ?, person, ? FROM unnest(?::bigint[]) AS person ON CONFLICT DO NOTHING""")
                    .params(id, role, people.toArray(Long[]::new)).update();
        }
    }

    public List<Long> recipients(long id) {
        return jdbc.sql("SELECT person_id FROM request_recipient WHERE request_id = ? ORDER BY person_id").param(id).query(Long.class).list();
    }

    /** The first to accept owns it: true when this person now does (the request was not yet accepted by anyone). */
    public boolean accept(long id, long person, Instant at) {
        return jdbc.sql("""
                        UPDATE help_request SET state = 'ACCEPTED', owner_person_id = ?, accepted_at = ?, version = version + 1
                        WHERE id = ? AND state IN ('SUBMITTED', 'DISPATCHED')""")
                .params(person, Timestamp.from(at), id).update() == 1;
    }

    /** The owner is on site; false unless they own it and it is accepted. */
    public boolean arrive(long id, long person, Instant at) {
        return jdbc.sql("UPDATE help_request SET state = 'ON_SITE', arrived_at = ?, version = version + 1 WHERE id = ? AND owner_person_id = ? AND state = 'ACCEPTED'")
                .params(Timestamp.from(at), id, person).update() == 1;
    }

    /** The owner resolved it; false unless they own it and it is accepted or on site. */
    public boolean resolve(long id, long person, Instant at) {
        return jdbc.sql("""
                        UPDATE help_request SET state = 'RESOLVED', resolved_at = ?, version = version + 1
                        WHERE id = ? AND owner_person_id = ? AND state IN ('ACCEPTED', 'ON_SITE')""")
                .params(Timestamp.from(at), id, person).update() == 1;
    }

    /** The owner passes it back (退单): nobody owns it and it waits to be accepted again; its deadlines stay as they were. */
    public boolean passBack(long id, long person) {
        return jdbc.sql("""
                        UPDATE help_request SET state = 'DISPATCHED', owner_person_id = NULL, accepted_at = NULL, arrived_at = NULL,
                            pass_backs = pass_backs + 1, version = version + 1
                        WHERE id = ? AND owner_person_id = ? AND state IN ('ACCEPTED', 'ON_SITE')""")
                .params(id, person).update() == 1;
    }

    /** The callback to the resident after resolution: satisfied or unreachable closes it; unsatisfied reopens it with its owner. */
    public boolean callback(long id, String outcome, Instant at) {
        if (outcome.equals("UNSATISFIED")) {
            return jdbc.sql("""
                            UPDATE help_request SET callback = 'UNSATISFIED', state = 'ACCEPTED', resolved_at = NULL, arrived_at = NULL,
                                reopened = reopened + 1, version = version + 1
                            WHERE id = ? AND state = 'RESOLVED'""").param(id).update() == 1;
        }
        return jdbc.sql("UPDATE help_request SET callback = ?, state = 'CLOSED', closed_at = ?, version = version + 1 WHERE id = ? AND state = 'RESOLVED'")
                .params(outcome, Timestamp.from(at), id).update() == 1;
    }

    /** Reopens a resolved or closed request: back to its owner, or to be accepted again when it has none. */
    public boolean reopen(long id) {
        return jdbc.sql("""
                        UPDATE help_request SET state = CASE WHEN owner_person_id IS NULL THEN 'DISPATCHED' ELSE 'ACCEPTED' END,
                            resolved_at = NULL, closed_at = NULL, arrived_at = NULL, callback = NULL, reopened = reopened + 1,
                            version = version + 1
                        WHERE id = ? AND state IN ('RESOLVED', 'CLOSED')""")
                .param(id).update() == 1;
    }

    /** A target a request has missed and not yet escalated for. */
    public record Missed(long requestId, String target) {
    }

    /** The targets missed by {@code now} and not yet escalated, oldest first, at most {@code limit}. */
    public List<Missed> missed(Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                        SELECT id, target FROM (
                            SELECT id, 'ACCEPT' AS target, accept_due AS due FROM help_request
                            WHERE state IN ('SUBMITTED', 'DISPATCHED') AND accept_due < ?
                            UNION ALL
                            SELECT id, 'ARRIVE', arrive_due FROM help_request
                            WHERE arrive_due IS NOT NULL AND arrived_at IS NULL AND state IN ('SUBMITTED', 'DISPATCHED', 'ACCEPTED') AND arrive_due < ?
                            UNION ALL
                            SELECT id, 'RESOLVE', resolve_due FROM help_request
                            WHERE state NOT IN ('RESOLVED', 'CLOSED') AND resolve_due < ?) m
                        WHERE NOT EXISTS (SELECT 1 FROM request_escalation e WHERE e.request_id = m.id AND e.target = m.target)
                        ORDER BY due, id LIMIT ?""")
                .params(at, at, at, limit).query((rs, n) -> new Missed(rs.getLong("id"), rs.getString("target"))).list();
    }

    /** Records an escalation once; false when that target was escalated already (another node, a second tick). */
    public boolean escalated(long id, String target, int level, Instant at, Long told) {
        return jdbc.sql("""
                        INSERT INTO request_escalation (request_id, target, level, at, told_person_id) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""").params(id, target, level, Timestamp.from(at), told).update() == 1;
    }

    public int escalations(long id) {
        return jdbc.sql("SELECT count(*) FROM request_escalation WHERE request_id = ?").param(id).query(Integer.class).single();
    }

    /** Open requests below a region (not closed), the most pressing first: urgent, then the nearest deadline. */
    public List<Row> open(org.wuyi.shared.RegionCode region, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM help_request WHERE community_code >= ? AND community_code < ? AND state <> 'CLOSED'
                        ORDER BY urgent DESC, CASE WHEN state IN ('SUBMITTED', 'DISPATCHED') THEN accept_due ELSE resolve_due END, id LIMIT ?""")
                .params(region.value(), region.upperBound(), limit).query(RequestStore::row).list();
    }

    /** Requests made below a region in [from, to), newest first, at most {@code limit}. */
    public List<Row> between(org.wuyi.shared.RegionCode region, Instant from, Instant to, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM help_request WHERE community_code >= ? AND community_code < ? AND created_at >= ? AND created_at < ?
                        ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(region.value(), region.upperBound(), Timestamp.from(from), Timestamp.from(to), limit).query(RequestStore::row).list();
    }

    /** Keeps a request's photo (a second one replaces the first). */
    public void photo(long id, PhotoCheck.Clean photo, Instant at) {
        jdbc.sql("""
                        INSERT INTO request_photo (request_id, content_type, width, height, bytes, added_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (request_id) DO UPDATE SET content_type = excluded.content_type, width = excluded.width,
                            height = excluded.height, bytes = excluded.bytes, added_at = excluded.added_at""")
                .params(id, photo.contentType(), photo.width(), photo.height(), photo.bytes(), Timestamp.from(at)).update();
    }

    /** A request's photo: its type and bytes. */
    public record Photo(String contentType, byte[] bytes) {
    }

    public Optional<Photo> photo(long id) {
        return jdbc.sql("SELECT content_type, bytes FROM request_photo WHERE request_id = ?").param(id)
                .query((rs, n) -> new Photo(rs.getString("content_type"), rs.getBytes("bytes"))).optional();
    }

    /** A grid's requests, newest first. */
    public List<Row> ofGrid(String gridCode, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM help_request WHERE grid_code = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(gridCode, limit).query(RequestStore::row).list();
    }

    /** The requests sent to a person or owned by them, newest first. */
    public List<Row> ofPerson(long person, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM help_request WHERE owner_person_id = ?
                           OR id IN (SELECT request_id FROM request_recipient WHERE person_id = ?)
                        ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(person, person, limit).query(RequestStore::row).list();
    }

    /** Two events of one moment in one statement (a new request's submission and dispatch). */
    public void events(long id, Instant at, String actor, String firstKind, String secondKind, String secondNote) {
        jdbc.sql("INSERT INTO request_event (request_id, at, kind, actor, person_id, note) VALUES (?, ?, ?, ?, NULL, NULL), (?, ?, ?, ?, NULL, ?)")
                .params(id, Timestamp.from(at), firstKind, actor, id, Timestamp.from(at), secondKind, actor, secondNote).update();
    }

    public void event(long id, Instant at, String kind, String actor, Long person, String note) {
        jdbc.sql("INSERT INTO request_event (request_id, at, kind, actor, person_id, note) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, Timestamp.from(at), kind, actor, person, note).update();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("source"), rs.getString("community_code"), rs.getString("grid_code"),
                rs.getString("category"), rs.getBoolean("urgent"), rs.getString("role"), rs.getBoolean("routed_to_leader"),
                longOrNull(rs, "compound_id"), rs.getString("building"), rs.getString("room"), doubleOrNull(rs, "lon"), doubleOrNull(rs, "lat"),
                rs.getString("name"), rs.getString("mobile"), rs.getString("description"), RequestState.valueOf(rs.getString("state")),
                longOrNull(rs, "owner_person_id"), instantOrNull(rs, "created_at"), instantOrNull(rs, "accept_due"), instantOrNull(rs, "arrive_due"),
                instantOrNull(rs, "resolve_due"), instantOrNull(rs, "accepted_at"), instantOrNull(rs, "arrived_at"), instantOrNull(rs, "resolved_at"),
                instantOrNull(rs, "closed_at"), rs.getInt("version"), rs.getString("callback"), rs.getInt("reopened"), rs.getInt("pass_backs"));
    }
}
