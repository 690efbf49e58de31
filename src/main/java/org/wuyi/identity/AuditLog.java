package org.wuyi.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wuyi.identity.internal.AuditChain;
import org.wuyi.shared.RegionCode;

/**
 * Who changed what, when, on which region. Each entry is written in the caller's transaction, so a
 * change that rolls back leaves no entry and an entry never stands for a change that did not happen; entries are
 * chained by keyed hashes and the table refuses changes ({@code AuditChain}, migration V17).
 */
@Service
public class AuditLog {

    /** The actor recorded for work that no signed-in user started (start-up data, command line). */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final AuditChain chain;
    private final RegionScope scope;

    AuditLog(JdbcClient jdbc, AuditChain chain, RegionScope scope) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Records a change made by the signed-in user (or {@link #SYSTEM} when nobody is signed in). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String regionCode, String detail) {
        recordAs(scope.currentUser().map(CurrentUser::username).orElse(SYSTEM), action, regionCode, detail);
    }

    /** Who may read the audit log: the audit administrator, and the business roles for their own region's work. */
    public static final Set<Role> READERS = Set.of(Role.AUDIT_ADMIN, Role.DISTRICT_ADMIN, Role.STREET_OFFICER,
            Role.COMMUNITY_SECRETARY, Role.GRID_LEADER, Role.SUPERVISOR);

    /** What to look for: any field may be null (then it does not narrow). {@code to} is exclusive. */
    public record Filter(Instant from, Instant to, String actor, String action) {

        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** The latest entries about the signed-in user's region and what lies below it, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latestInScope(int limit) {
        return search(Filter.NONE, limit);
    }

    /**
     * The entries matching the filter about the signed-in user's region and below, newest first; the audit
     * administrator also sees entries about no region (command-line work, refused logins of unknown names). The
     * system and security administrators may not read the log (三员分立): 403.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> search(Filter filter, int limit) {
        CurrentUser user = scope.currentUser().orElseThrow(OutsideRegionException::new);
        if (!READERS.contains(user.role())) {
            throw new RoleNotAllowedException();
        }
        return query(user, filter, null, limit);
    }

    /**
     * Logins, refused logins, lock-outs and refused tokens in the user's region (and of unknown names): the security
     * administrator's login history. Others: 403.
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> loginHistory(int limit) {
        CurrentUser user = scope.currentUser().orElseThrow(OutsideRegionException::new);
        if (user.role() != Role.SECURITY_ADMIN) {
            throw new RoleNotAllowedException();
        }
        return query(user, Filter.NONE, LOGIN_ACTIONS, limit);
    }

    private static final List<String> LOGIN_ACTIONS = List.of("identity.login-succeeded", "identity.login-failed",
            "identity.account-locked", "identity.token-refused", "identity.account-unlocked", "identity.sessions-ended");

    private List<AuditEntry> query(CurrentUser user, Filter filter, List<String> actions, int limit) {
        RegionCode root = user.regionCode();
        boolean unscoped = user.role().isAdministrator();
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, action, region_code, detail FROM audit_log WHERE ((region_code >= :low AND region_code < :high)");
        sql.append(unscoped ? " OR region_code IS NULL)" : ")");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("low", root.value()).addValue("high", root.upperBound())
                .addValue("limit", limit);
        if (filter.from() != null) {
            sql.append(" AND at >= :from");
            params.addValue("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < :to");
            params.addValue("to", Timestamp.from(filter.to()));
        }
        if (filter.actor() != null && !filter.actor().isBlank()) {
            sql.append(" AND actor = :actor");
            params.addValue("actor", filter.actor().strip());
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            sql.append(" AND action LIKE :action");
            params.addValue("action", filter.action().strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (actions != null) {
            sql.append(" AND action IN (:actions)");
            params.addValue("actions", actions);
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT :limit");
        return jdbc.sql(sql.toString()).paramSource(params)
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
        chain.append(entries.stream().map(entry -> new AuditChain.Line(actor, action, entry.regionCode(), entry.detail())).toList());
    }

    /** Records a change made by a named actor, such as the operator of a command-line import. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String regionCode, String detail) {
        chain.append(List.of(new AuditChain.Line(actor, action, regionCode, detail)));
    }
}
