package org.wuyi.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.identity.AuditLog;
import org.wuyi.support.Commands;
import org.wuyi.support.TestDatabase;
import org.wuyi.support.WuyiIntegrationTest;

/** The audit log's chain: the table refuses edits, an edit behind its back is found, the retention purge is the one way out. */
@WuyiIntegrationTest
class AuditChainIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditChain chain;

    @Autowired
    TransactionTemplate transactions;


    @Autowired
    IdentityProperties properties;


    @TempDir
    Path dir;

    @Test
    void theTableRefusesChangesAndAnEditBehindItsBackIsFound() {
        transactions.executeWithoutResult(status -> audit.recordAs("chain.test", "test.chain", "350102", "first"));
        transactions.executeWithoutResult(status -> audit.recordAs("chain.test", "test.chain", "350102", "second"));
        assertThat(chain.verify()).matches(AuditChain.Verdict::intact);
        long id = jdbc.sql("SELECT max(id) FROM audit_log WHERE actor = 'chain.test'").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET detail = 'changed' WHERE id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = ?").param(id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO audit_log (actor, action) VALUES ('sneaky', 'test.forged')").update())
                .hasMessageContaining("hash missing");

        // a superuser can switch the trigger off for their session: the chain still shows the edit
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("UPDATE audit_log SET detail = 'rewritten' WHERE id = ?").param(id).update();
        });
        try {
            AuditChain.Verdict verdict = chain.verify();
            assertThat(verdict.firstBroken()).isEqualTo(id);
            assertThat(verdict.reason()).contains("edited");
        } finally {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("SET LOCAL session_replication_role = replica").update();
                jdbc.sql("UPDATE audit_log SET detail = 'second' WHERE id = ?").param(id).update();
            });
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void concurrentWritersTakeDifferentChainsAndEachChainIsChecked() throws Exception {
        DriverManagerDataSource fresh = new DriverManagerDataSource(TestDatabase.freshDatabase("audit_chains"), "postgres", "");
        Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load().migrate();
        JdbcClient db = JdbcClient.create(fresh);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(fresh));
        AuditChain chains = new AuditChain(db, new JdbcTemplate(fresh), Clock.systemUTC(), new IdentityKey(properties));
        // two transactions each write, wait until both are inside, and write again: on one chain the second would wait
        // for the first's commit, and neither would get past the latch
        CountDownLatch bothInside = new CountDownLatch(2);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String writer : List.of("a", "b")) {
                results.add(writers.submit(() -> tx.execute(status -> {
                    chains.append(List.of(new AuditChain.Line(writer, "test.first", null, "")));
                    bothInside.countDown();
                    try {
                        boolean met = bothInside.await(10, TimeUnit.SECONDS);
                        chains.append(List.of(new AuditChain.Line(writer, "test.second", null, "")));
                        return met;
                    } catch (InterruptedException interrupted) {
                        throw new IllegalStateException(interrupted);
                    }
                })));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).as("both transactions held a chain at once").isTrue();
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(db.sql("SELECT count(DISTINCT chain) FROM audit_log WHERE actor = 'a'").query(Integer.class).single())
                .as("a transaction keeps to its chain").isEqualTo(1);
        assertThat(db.sql("SELECT count(DISTINCT chain) FROM audit_log").query(Integer.class).single()).isEqualTo(2);
        AuditChain.Verdict verdict = chains.verify();
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.checked()).isEqualTo(4);

        // the last entry of the second chain removed behind the trigger's back: its head still names it
        int second = db.sql("SELECT max(chain) FROM audit_log").query(Integer.class).single();
        new JdbcTemplate(fresh).execute("SET session_replication_role = replica; DELETE FROM audit_log WHERE id = "
                + "(SELECT max(id) FROM audit_log WHERE chain = " + second + ")");
        AuditChain.Verdict after = chains.verify();
        assertThat(after.intact()).isFalse();
        assertThat(after.reason()).startsWith("the last entries of chain " + second + " were removed");
    }

    @Test
    void theRetentionPurgeRemovesOnlyTheOldestStretchAndSaysSo() {
        DriverManagerDataSource fresh = new DriverManagerDataSource(TestDatabase.freshDatabase("audit_purge"), "postgres", "");
        Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load().migrate();
        JdbcClient db = JdbcClient.create(fresh);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(fresh));
        Instant now = Instant.now();
        for (int daysAgo : new int[] {400, 300, 100, 10}) {
            AuditChain then = new AuditChain(db, new JdbcTemplate(fresh), Clock.fixed(now.minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC),
                    new IdentityKey(properties));
            tx.executeWithoutResult(status -> then.append(List.of(new AuditChain.Line("purge.test", "test." + daysAgo, null, ""))));
        }
        AuditChain today = new AuditChain(db, new JdbcTemplate(fresh), Clock.systemUTC(), new IdentityKey(properties));
        assertThat(today.verify().intact()).isTrue();

        AuditRetention retention = new AuditRetention(db, today, properties, Clock.systemUTC());
        Integer removed = tx.execute(status -> retention.purge());
        assertThat(removed).as("older than 365 days").isEqualTo(1);
        assertThat(db.sql("SELECT action FROM audit_log ORDER BY id").query(String.class).list())
                .containsExactly("test.300", "test.100", "test.10", "identity.audit-purged");
        assertThat(db.sql("SELECT detail FROM audit_log WHERE action = 'identity.audit-purged'").query(String.class).single())
                .startsWith("removed=1 ").contains("retentionDays=365");
        AuditChain.Verdict after = today.verify();
        assertThat(after.intact()).as("what stays is one chain").isTrue();
        assertThat(after.checked()).isEqualTo(4);

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            db.sql("SELECT set_config('wuyi.audit_purge', 'on', true)").query(String.class).single();
            db.sql("DELETE FROM audit_log WHERE action = 'test.100'").update();
        })).as("not even the purge removes entries younger than 180 days").hasMessageContaining("append-only");
    }

    @Test
    void verifyAuditNamesTheFirstEditedEntryFromTheCommandLine() throws IOException {
        for (String file : new String[] {"provinces.csv", "cities.csv", "areas.csv", "streets.csv", "villages.csv"}) {
            try (InputStream in = new ClassPathResource("divisions/3501/" + file).getInputStream()) {
                Files.copy(in, dir.resolve(file));
            }
        }
        String database = TestDatabase.freshDatabase("verify_audit");
        assertThat(Commands.run(database, "", "import-divisions", "--dir=" + dir, "--scope=350102").exitCode()).isZero();
        assertThat(Commands.run(database, "", "import-divisions", "--dir=" + dir, "--scope=3501").exitCode()).isZero();
        Commands.Run intact = Commands.run(database, "", "verify-audit");
        assertThat(intact.exitCode()).isZero();
        assertThat(intact.output()).contains("操作日志完整：2 条记录");

        JdbcClient other = JdbcClient.create(new DriverManagerDataSource(database, "postgres", ""));
        long first = other.sql("SELECT min(id) FROM audit_log").query(Long.class).single();
        new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "")).execute("SET session_replication_role = replica; UPDATE audit_log SET actor = 'someone-else' WHERE id = " + first);
        Commands.Run broken = Commands.run(database, "", "verify-audit", "--lang=en");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.output()).contains("the first entry that does not fit is number " + first, "edited");
    }
}
