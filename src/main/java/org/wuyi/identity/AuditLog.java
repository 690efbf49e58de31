package org.wuyi.identity;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.shared.RegionCode;

/**
 * Who changed what, when, on which region. Each entry is written in the caller's transaction, so a
 * change that rolls back leaves no entry and an entry never stands for a change that did not happen.
 */
@Service
public class AuditLog {

    /** The actor recorded for work that no signed-in user started (start-up data, command line). */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final RegionScope scope;

    AuditLog(JdbcClient jdbc, JdbcTemplate batches, RegionScope scope) {
        this.batches = batches;
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Records a change made by the signed-in user (or {@link #SYSTEM} when nobody is signed in). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String regionCode, String detail) {
        recordAs(scope.currentUser().map(CurrentUser::username).orElse(SYSTEM), action, regionCode, detail);
    }

    /** The latest entries about the signed-in user's region and what lies below it, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latestInScope(int limit) {
        RegionCode root = scope.root();
        return jdbc.sql("""
                        SELECT id, at, actor, action, region_code, detail FROM audit_log
                        WHERE region_code >= ? AND region_code < ?
                        ORDER BY at DESC, id DESC LIMIT ?""")
                .params(root.value(), root.upperBound(), limit)
                .query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("region_code"), rs.getString("detail")))
                .list();
    }

    /** One entry of a batch: the region it is about and what happened. */
    public record Entry(String regionCode, String detail) {
    }

    /** Records many changes of one kind by the signed-in user at once (e.g. the grids of one activation of a street). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(String action, List<Entry> entries) {
        String actor = scope.currentUser().map(CurrentUser::username).orElse(SYSTEM);
        List<Object[]> rows = entries.stream().map(entry -> new Object[] {actor, action, entry.regionCode(), entry.detail()}).toList();
        for (int from = 0; from < rows.size(); from += 1000) {
            batches.batchUpdate(
                    "INSERT INTO audit_log (actor, action, region_code, detail) VALUES (?, ?, ?, ?)",
                    rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    /** Records a change made by a named actor, such as the operator of a command-line import. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String regionCode, String detail) {
        jdbc.sql("INSERT INTO audit_log (actor, action, region_code, detail) VALUES (?, ?, ?, ?)")
                .params(actor, action, regionCode, detail)
                .update();
    }
}
