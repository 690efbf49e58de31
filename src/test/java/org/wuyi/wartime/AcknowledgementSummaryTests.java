package org.wuyi.wartime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wuyi.identity.ActingAs;
import org.wuyi.shared.RegionCode;
import org.wuyi.support.Api;
import org.wuyi.support.WuyiIntegrationTest;

/**
 * The one-pass summary of acknowledgements (streamed, medians computed in Java) gives what the set-based queries give —
 * the same units, people, counts and medians — on activations of two grids of community 350102009001 (no other test
 * activates there) with acknowledgements at known seconds, some never.
 */
@WuyiIntegrationTest
class AcknowledgementSummaryTests {

    private static final String COMMUNITY = "350102009001";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AcknowledgementFacts facts;

    @Autowired
    ActingAs actingAs;

    @Test
    void theSummaryMatchesTheSetBasedFigures() {
        List<String> grids = jdbc.sql("SELECT code FROM grid WHERE code LIKE ? AND kind = 'RESIDENTIAL' ORDER BY code LIMIT 2")
                .param(COMMUNITY + "%").query(String.class).list();
        int n = 0;
        for (String grid : grids) {
            long id = new Api(port).postJson("/api/v1/grids/" + grid + "/activations", "gulou", "{\"reason\":\"汇总核对\"}", "Idempotency-Key",
                    "summary-" + grid).json().get("id").asLong();
            jdbc.sql("UPDATE activation SET activated_at = '2026-04-10T02:00:00Z' WHERE id = ?").param(id).update();
            List<Long> people = jdbc.sql("SELECT person_id FROM activation_member WHERE activation_id = ? ORDER BY person_id").param(id)
                    .query(Long.class).list();
            for (int i = 0; i < people.size(); i++) {
                if (i % 4 != 3) { // every fourth never answers
                    jdbc.sql("UPDATE activation_member SET acknowledged_at = '2026-04-10T02:00:00Z'::timestamptz + make_interval(secs => ?) "
                            + "WHERE activation_id = ? AND person_id = ?").params(37.5 * (i + 1) * (n + 1), id, people.get(i)).update();
                }
            }
            new Api(port).postJson("/api/v1/activations/" + id + "/stand-down", "gulou", "");
            n++;
        }
        Instant from = Instant.parse("2026-04-01T00:00:00Z");
        Instant to = Instant.parse("2026-05-01T00:00:00Z");
        for (RegionCode region : List.of(RegionCode.of(COMMUNITY), RegionCode.of("350102009"), RegionCode.of("350102"))) {
            actingAs.run("gulou", () -> {
                AcknowledgementFacts.Summary summary = facts.summary(region, from, to, false, Duration.ofMinutes(15));
                List<AcknowledgementFacts.Unit> units = facts.units(region, from, to, false, Duration.ofMinutes(15));
                List<AcknowledgementFacts.Unit> people = facts.people(region, from, to, false, Duration.ofMinutes(15));
                assertThat(summary.units()).as(region + ": units").hasSameSizeAs(units).isNotEmpty();
                for (AcknowledgementFacts.Unit unit : units) {
                    AcknowledgementFacts.Unit same = summary.units().stream().filter(found -> found.code().equals(unit.code())).findFirst()
                            .orElseThrow();
                    assertThat(same.called()).isEqualTo(unit.called());
                    assertThat(same.acknowledged()).isEqualTo(unit.acknowledged());
                    assertThat(same.withinTarget()).isEqualTo(unit.withinTarget());
                    assertThat(same.activations()).isEqualTo(unit.activations());
                    assertThat(same.medianSeconds()).isCloseTo(unit.medianSeconds(), org.assertj.core.data.Offset.offset(1e-6));
                }
                assertThat(summary.people()).as(region + ": people").hasSameSizeAs(people);
                for (int i = 0; i < people.size(); i++) {
                    assertThat(summary.people().get(i).code()).as("the same order").isEqualTo(people.get(i).code());
                    assertThat(summary.people().get(i).withinTarget()).isEqualTo(people.get(i).withinTarget());
                    if (people.get(i).medianSeconds() != null) {
                        assertThat(summary.people().get(i).medianSeconds()).isCloseTo(people.get(i).medianSeconds(),
                                org.assertj.core.data.Offset.offset(1e-6));
                    }
                }
                return null;
            });
        }
    }
}
