package org.wuyi.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wuyi.WuyiApplication;
import org.wuyi.grid.GridCode;
import org.wuyi.notification.WebhookReceiver;
import org.wuyi.shared.RegionCode;
import org.wuyi.wartime.Activating;
import org.wuyi.wartime.internal.EscalationJob;

/**
 * Benchmark of issue 5 on one embedded PostgreSQL 17 with the demo district: activate every residential
 * grid (1,152 plans) at once and time until every outbox row is committed and until every message reached
 * a local webhook receiver (a real HTTP server), against a plain JDBC batch insert of the same number of
 * rows; then one grid's activation, click to commit, one grid at a time. Run it through
 * {@code bench/activation.sh} (with -Xmx512m).
 */
public final class ActivationBenchmark {

    private static final int SINGLES = 41;

    private ActivationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (BenchDatabase postgres = BenchDatabase.start("wuyi_bench", "plain_bench");
             WebhookReceiver receiver = new WebhookReceiver("bench-secret")) {
            try (ConfigurableApplicationContext wuyi = new SpringApplicationBuilder(WuyiApplication.class)
                    .web(WebApplicationType.NONE).profiles("demo")
                    .run(postgres.wuyiArguments("wuyi_bench",
                            "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                            "--wuyi.notification.webhook.url=" + receiver.url(), "--wuyi.notification.webhook.secret=bench-secret",
                            "--wuyi.notification.workers=4", "--wuyi.notification.batch=100",
                            "--wuyi.wartime.escalation-enabled=false", "--wuyi.wartime.remind-after=0s"));
                 Connection plain = postgres.connect("plain_bench", "reWriteBatchedInserts=true")) {
                UserDetails gulou = wuyi.getBean(UserDetailsService.class).loadUserByUsername("gulou");
                SecurityContextHolder.getContext().setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(gulou, null, gulou.getAuthorities()));
                run(wuyi, plain, receiver);
            }
        }
    }

    private static void run(ConfigurableApplicationContext wuyi, Connection plain, WebhookReceiver receiver) throws Exception {
        Activating activations = wuyi.getBean(Activating.class);
        JdbcClient jdbc = wuyi.getBean(JdbcClient.class);
        List<GridCode> grids = activations.residentialGrids(RegionCode.of("350102"));
        long people = jdbc.sql("SELECT count(*) FROM plan_member").query(Long.class).single();
        try (Statement statement = plain.createStatement()) {
            statement.execute("""
                    CREATE TABLE plain_outbox (id BIGSERIAL PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, channel TEXT NOT NULL,
                        recipient_id BIGINT NOT NULL, address TEXT NOT NULL, topic TEXT NOT NULL, correlation TEXT NOT NULL,
                        subject TEXT NOT NULL, body TEXT NOT NULL, link TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'PENDING',
                        created_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
        }
        long messages = people * 2;
        System.out.printf(Locale.ROOT, "%,d residential grids, %,d people in their plans, channels in-app + webhook: %,d outbox rows%n",
                grids.size(), people, messages);
        // Subject: the whole district activated at once, until committed; then (untimed) every webhook awaited and the
        // district stood down, so that the baseline never runs beside the delivery workers. Baseline: a plain JDBC
        // batch insert of as many rows of the same shape. They alternate round by round (see Rounds).
        List<Double> reached = new ArrayList<>();
        int[] round = {0};
        String[] lastKey = {null};
        // Each side starts on a quiet database: the delivery workers done with the last round, a checkpoint taken
        // (untimed), so that neither pays for the other's leftovers (marking deliveries, writing dirty pages).
        Rounds.Timed quiet = () -> {
            while (jdbc.sql("SELECT count(*) FROM outbox_message WHERE state = 'PENDING'").query(Long.class).single() > 0) {
                Thread.sleep(50);
            }
            jdbc.sql("CHECKPOINT").update();
            return 0;
        };
        Rounds.Result district = Rounds.compare("district activation committed vs plain batch insert", 5, 15, 0.25, () -> {
                    quiet.seconds();
                    return plainInsert(plain, messages, round[0]++);
                }, () -> {
                    quiet.seconds();
                    String key = "bench-" + round[0]++;
                    lastKey[0] = key;
                    int acceptedBefore = receiver.accepted.size();
                    long start = System.nanoTime();
                    activations.activateAll(grids, "演练", key, true);
                    double commit = Rounds.seconds(start);
                    while (receiver.accepted.size() - acceptedBefore < people) {
                        Thread.sleep(5);
                    }
                    reached.add(Rounds.seconds(start));
                    System.out.printf(Locale.ROOT, "    every webhook of %s at the receiver after %.3f s%n", key, reached.getLast());
                    jdbc.sql("UPDATE activation SET state = 'STOOD_DOWN', stood_down_at = now() WHERE state = 'ACTIVE'").update();
                    return commit;
                });
        System.out.printf(Locale.ROOT, "district: committed / plain insert %s (goal <= 3x); every webhook at the receiver: median %.3f s%n",
                district.ratio(), Rounds.median(reached.subList(1, reached.size())));

        // Nobody answered the last round: remind everyone at once (the escalation job's first step), timed. The
        // earlier rounds' rows are removed first (untimed), so that the figure does not depend on how many rounds ran.
        quiet.seconds();
        jdbc.sql("DELETE FROM delivery_attempt").update();
        jdbc.sql("DELETE FROM outbox_message WHERE correlation NOT IN (SELECT 'activation:' || id FROM activation WHERE idempotency_key LIKE ?)")
                .param(lastKey[0] + ":%").update();
        jdbc.sql("DELETE FROM activation_member WHERE activation_id NOT IN (SELECT id FROM activation WHERE idempotency_key LIKE ?)")
                .param(lastKey[0] + ":%").update();
        jdbc.sql("DELETE FROM activation WHERE idempotency_key NOT LIKE ?").param(lastKey[0] + ":%").update();
        jdbc.sql("VACUUM ANALYZE").update();
        jdbc.sql("CHECKPOINT").update();
        jdbc.sql("UPDATE activation SET state = 'ACTIVE', stood_down_at = NULL WHERE idempotency_key LIKE ?").param(lastKey[0] + ":%").update();
        // The job claims 5,000 people per transaction (remind-after is 0 s in this run, so all are due at once).
        EscalationJob escalation = wuyi.getBean(EscalationJob.class);
        long remindStart = System.nanoTime();
        int reminded = 0;
        for (int pass = escalation.escalate(); pass > 0; pass = escalation.escalate()) {
            reminded += pass;
        }
        System.out.printf(Locale.ROOT, "escalation, first step for %,d unanswered people (called again, group leaders told) committed in %.3f s%n",
                reminded, (System.nanoTime() - remindStart) / 1e9);
        jdbc.sql("UPDATE activation SET state = 'STOOD_DOWN', stood_down_at = now() WHERE state = 'ACTIVE'").update();

        // The reminders are delivered before the clicks are timed, as the district's calls were before each round.
        quiet.seconds();
        double[] singles = new double[SINGLES];
        for (int i = 0; i < SINGLES; i++) {
            GridCode grid = grids.get(i * 25);
            long start = System.nanoTime();
            activations.activate(grid, "演练", "single-" + i, true);
            singles[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = singles.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "one grid, click to committed (%d grids, first 5 are warm-up): median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                SINGLES - 5, median(Arrays.copyOfRange(singles, 5, SINGLES)), sorted[(int) (SINGLES * 0.9)], sorted[SINGLES - 1]);
    }

    private static double plainInsert(Connection plain, long rows, int round) throws Exception {
        long start = System.nanoTime();
        plain.setAutoCommit(false);
        try (PreparedStatement insert = plain.prepareStatement("""
                INSERT INTO plain_outbox (idempotency_key, channel, recipient_id, address, topic, correlation, subject, body, link)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (long i = 0; i < rows; i++) {
                insert.setString(1, "plain:" + round + ":" + i);
                insert.setString(2, i % 2 == 0 ? "IN_APP" : "WEBHOOK");
                insert.setLong(3, i / 2);
                insert.setString(4, "13800000000");
                insert.setString(5, "wartime.activation");
                insert.setString(6, "activation:" + i / 40);
                insert.setString(7, "【一键启动】某某小区网格进入战时状态");
                insert.setString(8, "某某：某某小区网格已进入战时状态，您在群众保供组，任组员。职责：收集居民需求，保障生活物资配送到户。原因：演练。请点击链接确认到岗：http://localhost:8080/ack/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
                insert.setString(9, "http://localhost:8080/ack/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        plain.commit();
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

}
