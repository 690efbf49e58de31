package org.wuyi.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who changed what, when, on which region. Each entry is written in the caller's transaction, so a
 * change that rolls back leaves no entry and an entry never stands for a change that did not happen.
 */
@Service
public class AuditLog {

    /** The actor recorded for work that no signed-in user started (start-up data, command line). */
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final RegionScope scope;

    AuditLog(JdbcClient jdbc, RegionScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** Records a change made by the signed-in user (or {@link #SYSTEM} when nobody is signed in). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String regionCode, String detail) {
        recordAs(scope.currentUser().map(CurrentUser::username).orElse(SYSTEM), action, regionCode, detail);
    }

    /** Records a change made by a named actor, such as the operator of a command-line import. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, String action, String regionCode, String detail) {
        jdbc.sql("INSERT INTO audit_log (actor, action, region_code, detail) VALUES (?, ?, ?, ?)")
                .params(actor, action, regionCode, detail)
                .update();
    }
}
