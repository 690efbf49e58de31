package org.wuyi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wuyi.WuyiApplication;
import org.wuyi.grid.GridCode;
import org.wuyi.support.MutableClock;
import org.wuyi.support.TestDatabase;
import org.wuyi.wartime.Activating;
import org.wuyi.wartime.ActivationBoard;
import org.wuyi.wartime.ActivationOutcome;
import org.wuyi.wartime.ActivationView;
import org.wuyi.wartime.MemberState;
import org.wuyi.wartime.internal.EscalationJob;

/**
 * The outbox under stress, with real Wuyi instances (non-web) on one PostgreSQL database and a real HTTP
 * receiver: an instance stopped in the middle of a fan-out and another started in its place; two instances
 * delivering side by side; a receiver that fails or hangs.
 */
class DeliveryIntegrationTests {

    private static final String SECRET = "test-webhook-secret";
    private static String database;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void database() throws Exception {
        database = TestDatabase.freshDatabase("delivery");
        receiver = new WebhookReceiver(SECRET);
        // The first instance generates the demo district (grids, staff, plans); later ones find it there.
        start("--wuyi.notification.workers-enabled=false").close();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    private static ConfigurableApplicationContext start(String... extra) {
        return start(null, extra);
    }

    /** An instance whose clock is {@code clock} (the system clock when null). */
    private static ConfigurableApplicationContext start(Clock clock, String... extra) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--wuyi.notification.webhook.url=" + receiver.url(), "--wuyi.notification.webhook.secret=" + SECRET,
                "--wuyi.notification.batch=10", "--wuyi.notification.poll=50ms", "--wuyi.wartime.escalation-enabled=false"));
        args.addAll(List.of(extra));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(WuyiApplication.class).web(WebApplicationType.NONE).profiles("demo");
        if (clock != null) {
            builder.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        return builder.run(args.toArray(String[]::new));
    }

    private static void signIn(ConfigurableApplicationContext wuyi, String username) {
        UserDetails user = wuyi.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** Activates {@code count} residential grids, from the {@code from}-th, of the {@code community}-th community of the district. */
    private static List<Long> activate(ConfigurableApplicationContext wuyi, int communityIndex, int from, int count, String key) {
        signIn(wuyi, "gulou");
        JdbcClient jdbc = wuyi.getBean(JdbcClient.class);
        String community = jdbc.sql("SELECT code FROM region WHERE code LIKE '350102%' AND length(code) = 12 ORDER BY code OFFSET ? LIMIT 1")
                .param(communityIndex).query(String.class).single();
        List<GridCode> grids = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code OFFSET ? LIMIT ?")
                .params(community + "%", from, count).query(String.class).list().stream().map(code -> GridCode.parse(code).orElseThrow()).toList();
        ActivationOutcome outcome = wuyi.getBean(Activating.class).activateAll(grids, "演练", key, false);
        return ((ActivationOutcome.Activated) outcome).activations().stream()
                .map(result -> result.activation().id()).toList();
    }

    private static long count(JdbcClient jdbc, String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
        for (int i = 0; i < seconds * 20 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within %d s", seconds).isTrue();
    }

    private static String correlations(List<Long> ids) {
        return ids.stream().map(id -> "'activation:" + id + "'").reduce((a, b) -> a + "," + b).orElseThrow();
    }

    @Test
    void anInstanceStoppedMidFanOutLeavesTheRestToTheNextAndNothingIsSentTwice() throws Exception {
        receiver.mode = WebhookReceiver.Mode.ACCEPT;
        // A slow receiver (50 ms an answer) keeps the fan-out going long enough to stop the instance in the middle of it.
        receiver.delayMillis = 50;
        ConfigurableApplicationContext first = start("--wuyi.notification.workers=2");
        List<Long> ids = activate(first, 0, 0, 12, "restart");
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        String webhooks = "SELECT count(*) FROM outbox_message WHERE channel = 'WEBHOOK' AND correlation IN (" + correlations(ids) + ")";
        long total = count(jdbc, webhooks);
        assertThat(total).isGreaterThan(100);
        await(() -> count(jdbc, webhooks + " AND state = 'DELIVERED'") > total / 4, 60);
        first.close();
        long afterStop = count(TestJdbc.of(database), webhooks + " AND state = 'DELIVERED'");
        assertThat(afterStop).as("the first instance stopped part-way: %d of %d delivered", afterStop, total).isLessThan(total);

        receiver.delayMillis = 0;
        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc2 = second.getBean(JdbcClient.class);
            await(() -> count(jdbc2, webhooks + " AND state = 'DELIVERED'") == total, 60);
        }
        for (Long id : ids) {
            for (String key : TestJdbc.of(database).sql("SELECT idempotency_key FROM outbox_message WHERE channel = 'WEBHOOK' AND correlation = ?")
                    .param("activation:" + id).query(String.class).list()) {
                assertThat(receiver.accepted.get(key)).as(key).isNotNull();
                assertThat(receiver.accepted.get(key).get()).as("seen once: " + key).isEqualTo(1);
            }
        }
        assertThat(receiver.badSignatures.get()).isZero();
    }

    @Test
    void twoInstancesShareTheWorkAndDeliverEachMessageOnce() throws Exception {
        receiver.mode = WebhookReceiver.Mode.ACCEPT;
        receiver.delayMillis = 2;
        try (ConfigurableApplicationContext a = start(); ConfigurableApplicationContext b = start()) {
            List<Long> ids = activate(a, 1, 0, 12, "pair");
            JdbcClient jdbc = b.getBean(JdbcClient.class);
            String webhooks = "SELECT count(*) FROM outbox_message WHERE channel = 'WEBHOOK' AND correlation IN (" + correlations(ids) + ")";
            long total = count(jdbc, webhooks);
            await(() -> count(jdbc, webhooks + " AND state = 'DELIVERED'") == total, 60);
            List<String> keys = jdbc.sql("SELECT idempotency_key FROM outbox_message WHERE channel = 'WEBHOOK' AND correlation IN ("
                    + correlations(ids) + ")").query(String.class).list();
            keys.forEach(key -> assertThat(receiver.accepted.get(key).get()).as("seen once: " + key).isEqualTo(1));
            long workers = count(jdbc, """
                    SELECT count(DISTINCT split_part(worker, '/', 2)) FROM delivery_attempt d JOIN outbox_message o ON o.id = d.message_id
                    WHERE o.correlation IN (%s)""".formatted(correlations(ids)));
            assertThat(workers).as("both instances delivered").isEqualTo(2);
            assertThat(count(jdbc, """
                    SELECT count(*) FROM delivery_attempt d JOIN outbox_message o ON o.id = d.message_id
                    WHERE o.channel = 'WEBHOOK' AND o.correlation IN (%s)""".formatted(correlations(ids))))
                    .as("one attempt per message").isEqualTo(total);
        }
    }

    @Test
    void aFailingOrHangingReceiverGetsRetriesThenThePersonIsFailedAndEscalated() throws Exception {
        receiver.delayMillis = 0;
        try (ConfigurableApplicationContext wuyi = start("--wuyi.notification.max-attempts=3", "--wuyi.notification.backoff=100ms",
                "--wuyi.notification.webhook.timeout=300ms", "--wuyi.wartime.escalation-enabled=true",
                "--wuyi.wartime.escalation-check=200ms", "--wuyi.wartime.remind-after=1h")) {
            JdbcClient jdbc = wuyi.getBean(JdbcClient.class);
            for (WebhookReceiver.Mode mode : List.of(WebhookReceiver.Mode.FAIL, WebhookReceiver.Mode.HANG)) {
                receiver.mode = mode;
                long id = activate(wuyi, 2, mode == WebhookReceiver.Mode.FAIL ? 0 : 1, 1, "failing-" + mode).getFirst();
                String calls = "SELECT count(*) FROM outbox_message WHERE channel = 'WEBHOOK' AND correlation = 'activation:" + id
                        + "' AND idempotency_key LIKE '%:call:0'";
                long people = count(jdbc, calls);
                await(() -> count(jdbc, calls + " AND state = 'FAILED' AND attempts = 3") == people, 60);
                assertThat(count(jdbc, """
                        SELECT count(*) FROM delivery_attempt d JOIN outbox_message o ON o.id = d.message_id
                        WHERE o.correlation = ? AND o.channel = 'WEBHOOK' AND o.idempotency_key LIKE '%:call:0'
                          AND d.outcome = 'RETRY'""", "activation:" + id))
                        .as("two retries each before failing").isEqualTo(people * 2);
                if (mode == WebhookReceiver.Mode.HANG) {
                    assertThat(jdbc.sql("SELECT last_error FROM outbox_message WHERE correlation = ? AND channel = 'WEBHOOK' AND idempotency_key LIKE '%:call:0' LIMIT 1")
                            .param("activation:" + id).query(String.class).single()).contains("Timeout");
                }
                // Every message outside Wuyi failed: escalation starts at once, without waiting the five minutes.
                signIn(wuyi, "gulou");
                await(() -> wuyi.getBean(ActivationBoard.class).activation(id).counts().get(MemberState.ESCALATED) == people, 30);
                ActivationView board = wuyi.getBean(ActivationBoard.class).activation(id);
                assertThat(board.counts().get(MemberState.ESCALATED)).isEqualTo((int) people);
                assertThat(count(jdbc, "SELECT count(*) FROM outbox_message WHERE correlation = ? AND idempotency_key LIKE '%:call:1'",
                        "activation:" + id)).as("everyone called again").isPositive();
                assertThat(count(jdbc, "SELECT count(*) FROM outbox_message WHERE correlation = ?", "escalation:" + id))
                        .as("group leaders told").isPositive();
            }
        } finally {
            receiver.mode = WebhookReceiver.Mode.ACCEPT;
        }
    }

    @Test
    void peopleWithAnEmailAddressAreAlsoCalledByEmailOverSmtp() throws Exception {
        receiver.mode = WebhookReceiver.Mode.ACCEPT;
        receiver.delayMillis = 0;
        com.icegreen.greenmail.util.GreenMail smtp = new com.icegreen.greenmail.util.GreenMail(
                com.icegreen.greenmail.util.ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (ConfigurableApplicationContext wuyi = start("--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(), "--wuyi.notification.email.from=wuyi@gulou.example.cn")) {
            JdbcClient jdbc = wuyi.getBean(JdbcClient.class);
            String grid = jdbc.sql("""
                    SELECT code FROM grid WHERE code LIKE (SELECT code FROM region WHERE code LIKE '350102%' AND length(code) = 12
                    ORDER BY code OFFSET 3 LIMIT 1) || '%' AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 1""").query(String.class).single();
            List<Long> people = jdbc.sql("SELECT person_id FROM plan_member WHERE grid_code = ? ORDER BY person_id LIMIT 3")
                    .param(grid).query(Long.class).list();
            for (Long person : people) {
                jdbc.sql("UPDATE person SET email = ? WHERE id = ?").params("p" + person + "@example.cn", person).update();
            }
            long id = activate(wuyi, 3, 0, 1, "email").getFirst();
            String emails = "SELECT count(*) FROM outbox_message WHERE channel = 'EMAIL' AND correlation = 'activation:" + id + "'";
            assertThat(count(jdbc, emails)).as("only people with an address").isEqualTo(3);
            await(() -> count(jdbc, emails + " AND state = 'SENT'") == 3, 30);
            assertThat(smtp.waitForIncomingEmail(10_000, 3)).isTrue();
            jakarta.mail.internet.MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getSubject()).contains("进入战时状态");
            assertThat(mail.getHeader("Idempotency-Key")[0]).startsWith("activation:" + id + ":person:");
            assertThat(String.valueOf(mail.getContent())).contains("/ack/");
            assertThat(mail.getAllRecipients()[0].toString()).endsWith("@example.cn");
        } finally {
            smtp.stop();
        }
    }

    @Test
    void unansweredCallsAreRepeatedWithTheGroupLeaderToldThenTheGridLeader() throws Exception {
        receiver.mode = WebhookReceiver.Mode.ACCEPT;
        receiver.delayMillis = 0;
        // Escalation runs by hand on a clock the test moves: after 4 min nobody is due, after 6 min all are reminded,
        // after 16 min all are escalated — the default windows (5 and 15 min), without waiting them out.
        MutableClock clock = new MutableClock(Instant.now());
        try (ConfigurableApplicationContext wuyi = start(clock)) {
            JdbcClient jdbc = wuyi.getBean(JdbcClient.class);
            EscalationJob escalation = wuyi.getBean(EscalationJob.class);
            // Switched off, escalation has no scheduled trigger (scheduling as such is on: Spring Modulith's moments).
            assertThat(wuyi.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                    .flatMap(holder -> holder.getScheduledTasks().stream()).map(task -> task.getTask().toString()))
                    .noneMatch(task -> task.contains("Escalation"));
            // Earlier tests leave activations in force: stand them down so that the counts below are this activation's alone.
            jdbc.sql("UPDATE activation SET state = 'STOOD_DOWN', stood_down_at = now() WHERE state = 'ACTIVE'").update();
            // The community's second grid: its leader is not the community secretary (who leads the first), so both are told.
            long id = activate(wuyi, 4, 1, 1, "unanswered").getFirst();
            long people = count(jdbc, "SELECT count(*) FROM activation_member WHERE activation_id = ?", id);
            clock.advance(Duration.ofMinutes(4));
            assertThat(escalation.escalate()).as("nobody is due before five minutes").isZero();
            clock.advance(Duration.ofMinutes(2));
            assertThat(escalation.escalate()).isEqualTo(people);
            assertThat(count(jdbc, "SELECT count(*) FROM activation_member WHERE activation_id = ? AND escalation_level = 1", id)).isEqualTo(people);
            assertThat(count(jdbc, "SELECT count(*) FROM outbox_message WHERE correlation = ? AND idempotency_key LIKE '%:call:1'",
                    "activation:" + id)).as("everyone called again").isEqualTo(people * 2);
            assertThat(count(jdbc, "SELECT count(*) FROM outbox_message WHERE correlation = ? AND idempotency_key LIKE '%:remind:%'",
                    "escalation:" + id)).as("group leaders told of their members").isPositive();
            clock.advance(Duration.ofMinutes(8));
            assertThat(escalation.escalate()).as("the grid leader is told only after fifteen minutes").isZero();
            clock.advance(Duration.ofMinutes(2));
            assertThat(escalation.escalate()).isEqualTo(people);
            assertThat(count(jdbc, "SELECT count(*) FROM activation_member WHERE activation_id = ? AND escalation_level = 2", id)).isEqualTo(people);
            String grid = jdbc.sql("SELECT grid_code FROM activation WHERE id = ?").param(id).query(String.class).single();
            long leader = jdbc.sql("SELECT secretary_id FROM grid_branch WHERE grid_code = ?").param(grid).query(Long.class).single();
            assertThat(count(jdbc, "SELECT count(*) FROM outbox_message WHERE correlation = ? AND recipient_id = ? AND idempotency_key LIKE '%:escalate:%'",
                    "escalation:" + id, leader)).as("the grid leader told").isPositive();
            long secretary = jdbc.sql("SELECT secretary_id FROM party_committee WHERE region_code = ?").param(grid.substring(0, 12))
                    .query(Long.class).single();
            assertThat(secretary).isNotEqualTo(leader);
            assertThat(count(jdbc, "SELECT count(*) FROM outbox_message WHERE correlation = ? AND recipient_id = ? AND idempotency_key LIKE '%:escalate:%'",
                    "escalation:" + id, secretary)).as("the community secretary told").isPositive();
            assertThat(count(jdbc, "SELECT count(*) FROM audit_log WHERE action = 'wartime.escalated' AND detail LIKE ?", "activation=" + id + " %"))
                    .isEqualTo(people);
        }
    }
}
