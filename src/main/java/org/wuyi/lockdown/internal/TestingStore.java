package org.wuyi.lockdown.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.wuyi.household.Household;

/** The {@code testing_round}, {@code testing_household} and {@code testing_mark} tables. */
@Component
public class TestingStore {

    public record Round(long id, long activationId, String gridCode, LocalDate day, int households, String state, Instant startedAt,
                        String startedBy, Boolean allNegative, String positiveRooms) {
    }

    /** A household of a round and its mark (null status: not yet). */
    public record Line(long householdId, String building, String room, Integer people, String status, Integer testedPeople) {
    }

    private static final String ROUND = """
            SELECT id, activation_id, grid_code, day, households, state, started_at, started_by, all_negative, positive_rooms FROM testing_round""";

    private final JdbcClient jdbc;

    TestingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A round for the figures: its households, those marked, when it started and when it closed (null: still open). */
    public record Finished(long id, String gridCode, LocalDate day, int households, long marked, Instant startedAt, Instant closedAt) {
    }

    /** The rounds below a code range started in [from, to), latest first, at most {@code limit}. */
    public List<Finished> started(String low, String high, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT r.id, r.grid_code, r.day, r.households, r.started_at, r.closed_at,
                               (SELECT count(*) FROM testing_mark m WHERE m.round_id = r.id) AS marked
                        FROM testing_round r
                        WHERE r.grid_code >= ? AND r.grid_code < ? AND r.started_at >= ? AND r.started_at < ?
                        ORDER BY r.started_at DESC, r.id LIMIT ?""")
                .params(low, high, Timestamp.from(from), Timestamp.from(to), limit)
                .query((rs, n) -> new Finished(rs.getLong("id"), rs.getString("grid_code"), rs.getDate("day").toLocalDate(), rs.getInt("households"),
                        rs.getLong("marked"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant())).list();
    }

    /** A new round with its households; empty when the grid has one open already. */
    public Optional<Long> start(long activationId, String gridCode, LocalDate day, List<Household> households, Instant at, String by) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO testing_round (activation_id, grid_code, day, households, started_at, started_by)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (grid_code) WHERE state = 'OPEN' DO NOTHING RETURNING id""")
                .params(activationId, gridCode, Date.valueOf(day), households.size(), Timestamp.from(at), by).query(Long.class).optional();
        id.ifPresent(round -> jdbc.sql("""
                        INSERT INTO testing_household (round_id, household_id, building, room, people)
                        SELECT ?, * FROM unnest(?::bigint[], ?::text[], ?::text[], ?::smallint[])""")
                .params(round, households.stream().map(Household::id).toArray(Long[]::new),
                        households.stream().map(Household::building).toArray(String[]::new),
                        households.stream().map(Household::room).toArray(String[]::new),
                        households.stream().map(Household::people).toArray(Integer[]::new))
                .update());
        return id;
    }

    public Optional<Round> find(long id) {
        return jdbc.sql(ROUND + " WHERE id = ?").param(id).query(TestingStore::round).optional();
    }

    public Optional<Round> open(String gridCode) {
        return jdbc.sql(ROUND + " WHERE grid_code = ? AND state = 'OPEN'").param(gridCode).query(TestingStore::round).optional();
    }

    public List<Round> ofActivation(long activationId) {
        return jdbc.sql(ROUND + " WHERE activation_id = ? ORDER BY id DESC").param(activationId).query(TestingStore::round).list();
    }

    /**
     * Marks a household of an open round; true when it was not marked before (a second mark changes the first, it is
     * not counted again); empty when the household is not the round's or the round is closed.
     */
    public Optional<Boolean> mark(long round, long household, String status, int people, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO testing_mark (round_id, household_id, status, people, marked_at, marked_by)
                        SELECT h.round_id, h.household_id, ?, ?, ?, ? FROM testing_household h
                        JOIN testing_round r ON r.id = h.round_id AND r.state = 'OPEN'
                        WHERE h.round_id = ? AND h.household_id = ?
                        ON CONFLICT (round_id, household_id) DO UPDATE SET status = excluded.status, people = excluded.people,
                            marked_at = excluded.marked_at, marked_by = excluded.marked_by
                        RETURNING (xmax = 0)""")
                .params(status, people, Timestamp.from(at), by, round, household).query(Boolean.class).optional();
    }

    public List<Line> lines(long round) {
        return jdbc.sql("""
                        SELECT h.household_id, h.building, h.room, h.people, m.status, m.people
                        FROM testing_household h LEFT JOIN testing_mark m ON m.round_id = h.round_id AND m.household_id = h.household_id
                        WHERE h.round_id = ? ORDER BY h.building, length(h.room), h.room""")
                .param(round)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), rs.getString(5),
                        (Integer) rs.getObject(6)))
                .list();
    }

    /** Households marked in open rounds below a region and households they hold: the region's live count. */
    public long[] openCounts(String low, String high) {
        return jdbc.sql("""
                        SELECT coalesce(sum(r.households), 0),
                               (SELECT count(*) FROM testing_mark m JOIN testing_round o ON o.id = m.round_id
                                WHERE o.state = 'OPEN' AND o.grid_code >= ? AND o.grid_code < ?)
                        FROM testing_round r WHERE r.state = 'OPEN' AND r.grid_code >= ? AND r.grid_code < ?""")
                .params(low, high, low, high).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    public boolean close(long round, boolean allNegative, String positiveRooms, Instant at, String by) {
        return jdbc.sql("""
                        UPDATE testing_round SET state = 'CLOSED', all_negative = ?, positive_rooms = ?, closed_at = ?, closed_by = ?
                        WHERE id = ? AND state = 'OPEN'""")
                .params(allNegative, positiveRooms, Timestamp.from(at), by, round).update() == 1;
    }

    private static Round round(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Round(rs.getLong("id"), rs.getLong("activation_id"), rs.getString("grid_code"), rs.getDate("day").toLocalDate(),
                rs.getInt("households"), rs.getString("state"), rs.getTimestamp("started_at").toInstant(), rs.getString("started_by"),
                (Boolean) rs.getObject("all_negative"), rs.getString("positive_rooms"));
    }
}
