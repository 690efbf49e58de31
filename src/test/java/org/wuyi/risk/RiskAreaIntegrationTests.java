package org.wuyi.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.wuyi.grid.CompoundService;
import org.wuyi.grid.GridDirectory;
import org.wuyi.identity.AuditLog;
import org.wuyi.identity.RegionScope;
import org.wuyi.platform.web.TranslatedProblem;
import org.wuyi.risk.internal.RiskStore;
import org.wuyi.support.Api;
import org.wuyi.support.MutableClock;
import org.wuyi.support.WuyiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Risk areas end to end: declared over the API inside one's region with the rule set's levels and kinds of place; a
 * countdown driven day by day by a clock the test moves (a new infection on day 6 starts it again; lifting refused
 * before, allowed after, to the rule's lower level and then out of control), every step audited.
 */
@WuyiIntegrationTest
class RiskAreaIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RiskStore store;

    @Autowired
    RuleSets rules;

    @Autowired
    CompoundService compounds;

    @Autowired
    GridDirectory grids;

    @Autowired
    RegionScope scope;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private JsonNode compound(String community, int index) {
        return new Api(port).get("/api/v1/regions/" + community + "/compounds", "gulou").json().get(index);
    }

    private long building(long compound) {
        return grids.buildingIds(compound).values().iterator().next();
    }

    @Test
    void declaredOverTheApiWithinTheRulesAndTheRegion() {
        Api api = new Api(port);
        long compound = compound("350102005008", 0).get("id").asLong();
        long building = building(compound);
        assertThat(api.postJson("/api/v1/risk-areas", "nanjie", """
                {"ruleSet": "twenty-measures", "level": "MEDIUM", "buildingId": %d, "reason": "密接"}""".formatted(building)).status())
                .as("no medium risk in the twenty measures").isEqualTo(422);
        assertThat(api.postJson("/api/v1/risk-areas", "nanjie", """
                {"ruleSet": "twenty-measures", "level": "HIGH", "compoundId": %d, "reason": "密接"}""".formatted(compound)).body())
                .as("not enlarged to a compound").contains("不得随意扩大");
        assertThat(api.postJson("/api/v1/risk-areas", "nanjie", """
                {"ruleSet": "ninth-edition", "level": "PURPLE", "compoundId": %d, "reason": "x"}""".formatted(compound)).status()).isEqualTo(422);
        assertThat(api.postJson("/api/v1/risk-areas", "yqhn", """
                {"ruleSet": "twenty-measures", "level": "HIGH", "buildingId": %d, "reason": "x"}""".formatted(building)).status())
                .as("a community secretary does not declare").isEqualTo(403);
        long elsewhere = building(compound("350102100012", 0).get("id").asLong());
        assertThat(api.postJson("/api/v1/risk-areas", "nanjie", """
                {"ruleSet": "twenty-measures", "level": "HIGH", "buildingId": %d, "reason": "x"}""".formatted(elsewhere)).status())
                .as("another street's building").isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM risk_area WHERE compound_id = ?").param(compound).query(Long.class).single())
                .as("nothing saved").isZero();

        Api.Response made = api.postJson("/api/v1/risk-areas", "nanjie", """
                {"ruleSet": "twenty-measures", "level": "HIGH", "buildingId": %d, "unit": "2单元", "reason": "确诊病例居住单元"}""".formatted(building));
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.json().get("kind").asString()).isEqualTo("UNIT");
        assertThat(LocalDate.parse(made.json().get("liftableAfter").asString()))
                .isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5));
        long id = made.json().get("id").asLong();
        assertThat(api.postJson("/api/v1/risk-areas", "nanjie", """
                {"ruleSet": "twenty-measures", "level": "HIGH", "buildingId": %d, "unit": "2单元", "reason": "again"}""".formatted(building))
                .status()).as("one active area per place").isEqualTo(409);
        Api.Response early = api.postJson("/api/v1/risk-areas/" + id + "/lift", "nanjie", "{}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.body()).contains("还需连续 5 天无新增感染");
        assertThat(api.postJson("/api/v1/risk-areas/" + id + "/infections", "yqhn", "{}").status()).as("outside yqhn's community").isEqualTo(403);
        assertThat(api.get("/api/v1/regions/350102005/risk-areas", "nanjie").body()).contains("确诊病例居住单元", "\"day\":0");
        assertThat(api.get("/api/v1/regions/350102100/risk-areas", "gulou").body()).doesNotContain("确诊病例居住单元");
    }

    @Test
    void theCountdownDayByDayWithANewInfectionOnDaySix() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
        RiskAreas areas = new RiskAreas(store, rules, compounds, grids, scope, audit, clock, ZoneId.of("Asia/Shanghai"));
        UserDetails street = users.loadUserByUsername("nanjie");
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(street, null, street.getAuthorities()));
        long compound = compound("350102005008", 1).get("id").asLong();
        RiskArea area = in(() -> areas.declare(new RiskAreas.Declaration("ninth-edition", "HIGH", compound, null, null, null, "聚集性疫情")));
        long id = area.id();
        assertThat(area.liftableAfter()).isEqualTo(LocalDate.of(2026, 12, 8));

        clock.advance(Duration.ofDays(6));
        in(() -> areas.infection(id, null, "6号楼新增 1 例"));
        clock.advance(Duration.ofDays(1));
        RiskArea daySeven = in(() -> areas.get(id));
        assertThat(daySeven.countdown().day()).as("counted from day 6 again").isEqualTo(1);
        assertThat(daySeven.liftableAfter()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThatThrownBy(() -> in(() -> areas.lift(id))).isInstanceOf(TranslatedProblem.class);

        clock.advance(Duration.ofDays(6));
        assertThatThrownBy(() -> in(() -> areas.lift(id))).as("day 7 of the new count, no round yet")
                .isInstanceOf(TranslatedProblem.class)
                .extracting(problem -> ((TranslatedProblem) problem).getDetailMessageCode()).isEqualTo("risk.missing.round");
        assertThat(in(() -> areas.get(id)).countdown().missing()).extracting(Countdown.Missing::key).containsExactly("risk.missing.round");
        in(() -> areas.round(id, null, true));
        RiskArea medium = in(() -> areas.lift(id));
        assertThat(medium.level()).isEqualTo("MEDIUM");
        assertThat(medium.countdown().day()).isZero();
        assertThat(medium.liftableAfter()).isEqualTo(LocalDate.of(2026, 12, 21));

        clock.advance(Duration.ofDays(7));
        in(() -> areas.round(id, null, true));
        RiskArea low = in(() -> areas.lift(id));
        assertThat(low.level()).isEqualTo("LOW");
        RiskArea lifted = in(() -> areas.lift(id));
        assertThat(lifted.state()).isEqualTo("LIFTED");
        assertThatThrownBy(() -> in(() -> areas.infection(id, null, ""))).isInstanceOf(TranslatedProblem.class);
        assertThat(jdbc.sql("SELECT string_agg(kind, ',' ORDER BY id) FROM risk_event WHERE area_id = ?").param(id).query(String.class).single())
                .isEqualTo("DECLARED,INFECTION,ROUND_CLEAN,LOWERED,ROUND_CLEAN,LOWERED,LIFTED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action LIKE 'risk.%' AND detail LIKE ?").param("area=" + id + " %")
                .query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void theStreetDeclaresOnThePageAndIsOfferedTheGroupsActivation() {
        org.wuyi.support.PageSession street = new org.wuyi.support.PageSession(port);
        street.login("nanjie", "wuyi-demo");
        JsonNode compound = compound("350102005007", 1);
        String page = "/regions/350102005007/risk-areas";
        org.wuyi.support.PageSession.Page refused = street.post(page, page, "ruleSet", "twenty-measures", "level", "HIGH",
                "place", compound.get("id").asLong() + "/", "unit", "", "reason", "密接");
        assertThat(refused.text("risk-problem")).contains("不得随意扩大");
        org.wuyi.support.PageSession.Page declared = street.post(page, page, "ruleSet", "ninth-edition", "level", "HIGH",
                "place", compound.get("id").asLong() + "/" + compound.get("buildings").get(0).asString(), "unit", "", "reason", "确诊病例");
        assertThat(declared.text("risk-declared")).contains(compound.get("name").asString(), "高风险区");
        assertThat(declared.html()).contains("id=\"offer-activation\"", "/grids/" + compound.get("gridCode").asString() + "/plan",
                "足不出户、上门服务", "还需连续 7 天无新增感染");
    }

    private <T> T in(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
