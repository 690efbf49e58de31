package org.wuyi.grid.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where an import says how far it is: one row per import, updated in separate short transactions (the
 * import's own transaction stays open until the end), at most a few times a second.
 */
@Component
public class ImportProgressLog {

    /** How far an import is. {@code phase} is {@code CHECKING}, {@code SAVING} or {@code DONE}. */
    public record Progress(String phase, int done, int total) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;
    private final Clock clock;

    ImportProgressLog(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** A reporter for one import; it writes at most every 250 ms, and always the last step of a phase. */
    public Reporter reporter(UUID id, String username) {
        return new Reporter(id, username);
    }

    public Optional<Progress> find(UUID id, String username) {
        return jdbc.sql("SELECT phase, done, total FROM import_progress WHERE id = ? AND username = ?")
                .params(id, username)
                .query((rs, row) -> new Progress(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .optional();
    }

    public final class Reporter {
        private final UUID id;
        private final String username;
        private Instant last = Instant.EPOCH;

        private Reporter(UUID id, String username) {
            this.id = id;
            this.username = username;
        }

        public void report(String phase, int done, int total) {
            Instant now = clock.instant();
            if (id == null || (done != total && now.isBefore(last.plusMillis(250)))) {
                return;
            }
            last = now;
            separate.executeWithoutResult(status -> jdbc.sql("""
                            INSERT INTO import_progress (id, username, phase, done, total) VALUES (?, ?, ?, ?, ?)
                            ON CONFLICT (id) DO UPDATE SET phase = EXCLUDED.phase, done = EXCLUDED.done,
                                total = EXCLUDED.total, updated_at = now()
                            WHERE import_progress.username = EXCLUDED.username""")
                    .params(id, username, phase, done, total)
                    .update());
        }
    }
}
