package org.wuyi.volunteer.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wuyi.volunteer.Skill;

/** The {@code gate_post} table. */
@Repository
public class GatePostRepository {

    /** A stored post (the gate's name is the grid module's, added by the caller). */
    public record Row(long id, long compoundId, long gateId, int headcount, int fromHour, int toHour, String days, boolean suitsOlder,
                      Skill requiredSkill, int version) {
    }

    private static final String COLUMNS = "id, compound_id, gate_id, headcount, from_hour, to_hour, days, suits_older, required_skill, version";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    GatePostRepository(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    public List<Row> ofCompounds(Collection<Long> compounds) {
        if (compounds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM gate_post WHERE compound_id = ANY (?) ORDER BY compound_id, gate_id, from_hour, id")
                .param(compounds.toArray(Long[]::new)).query(GatePostRepository::row).list();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM gate_post WHERE id = ?").param(id).query(GatePostRepository::row).optional();
    }

    public long insert(Row post, String by) {
        return jdbc.sql("""
                        INSERT INTO gate_post (compound_id, gate_id, headcount, from_hour, to_hour, days, suits_older, required_skill, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(post.compoundId(), post.gateId(), post.headcount(), post.fromHour(), post.toHour(), post.days(), post.suitsOlder(),
                        post.requiredSkill() == null ? null : post.requiredSkill().name(), by)
                .query(Long.class).single();
    }

    /** Changes a post read at {@code version}; false when stale. */
    public boolean update(Row post, String by) {
        return jdbc.sql("""
                        UPDATE gate_post SET gate_id = ?, headcount = ?, from_hour = ?, to_hour = ?, days = ?, suits_older = ?,
                            required_skill = ?, updated_by = ?, updated_at = now(), version = version + 1
                        WHERE id = ? AND version = ?""")
                .params(post.gateId(), post.headcount(), post.fromHour(), post.toHour(), post.days(), post.suitsOlder(),
                        post.requiredSkill() == null ? null : post.requiredSkill().name(), by, post.id(), post.version())
                .update() == 1;
    }

    public boolean delete(long id, int version) {
        return jdbc.sql("DELETE FROM gate_post WHERE id = ? AND version = ?").params(id, version).update() == 1;
    }

    /** For the demo: many posts in one batch. */
    public void insertAll(List<Row> posts, String by) {
        batches.batchUpdate("""
                INSERT INTO gate_post (compound_id, gate_id, headcount, from_hour, to_hour, days, suits_older, required_skill, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", posts.stream().map(post -> new Object[] {post.compoundId(), post.gateId(),
                post.headcount(), post.fromHour(), post.toHour(), post.days(), post.suitsOlder(),
                post.requiredSkill() == null ? null : post.requiredSkill().name(), by}).toList());
    }

    public boolean any() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM gate_post)").query(Boolean.class).single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String skill = rs.getString("required_skill");
        return new Row(rs.getLong("id"), rs.getLong("compound_id"), rs.getLong("gate_id"), rs.getInt("headcount"), rs.getInt("from_hour"),
                rs.getInt("to_hour"), rs.getString("days"), rs.getBoolean("suits_older"), skill == null ? null : Skill.valueOf(skill),
                rs.getInt("version"));
    }
}
