package org.wuyi.volunteer.rota;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Wuyi's own explanation of a rota's score says the same, level by level, as the solver: solved, greedy and random rotas. */
class RotaAuditTests {

    private static void agrees(Rota rota) {
        HardMediumSoftScore score = RotaSolving.score(rota);
        RotaAudit.Account account = RotaAudit.account(rota);
        assertThat(account.hard()).as("hard: " + account.rules()).isEqualTo(score.hardScore());
        assertThat(account.medium()).as("gaps").isEqualTo(score.mediumScore());
        assertThat(account.soft()).as("soft: " + account.rules()).isEqualTo(score.softScore());
        assertThat(account.rules()).as("every rule that costs says why").allSatisfy(rule -> {
            if (rule.penalty() != 0) {
                assertThat(rule.lines()).isNotEmpty();
            }
        });
    }

    /** Every third volunteer would rather stand at one gate of their compound (the preference rule then counts too). */
    private static Rota withPreferences(Rota rota) {
        java.util.List<RotaVolunteer> volunteers = new java.util.ArrayList<>();
        for (int i = 0; i < rota.getVolunteers().size(); i++) {
            RotaVolunteer v = rota.getVolunteers().get(i);
            java.util.List<RotaPost> own = rota.getPosts().stream().filter(post -> post.compoundId() == v.compoundId()).toList();
            volunteers.add(i % 3 != 0 || own.isEmpty() ? v : new RotaVolunteer(v.id(), v.name(), v.compoundId(), v.lon(), v.lat(),
                    v.household(), v.age(), v.skills(), v.availability(), v.unavailableDates(), v.maxHoursPerWeek(), v.helpNeighbours(),
                    own.get(i % own.size()).gateId()));
        }
        return new Rota(rota.getRules(), volunteers, rota.getHouseholds(), rota.getPosts(), rota.getSlots());
    }

    @Test
    void aRandomRotaBreaksManyRulesAndTheAccountCountsEachAsTheSolverDoes() {
        Rota rota = withPreferences(RotaScenario.compound(3, 80, 50));
        Random random = new Random(5);
        rota.getSlots().forEach(slot -> slot.setVolunteer(random.nextInt(10) == 0 ? null
                : rota.getVolunteers().get(random.nextInt(rota.getVolunteers().size()))));
        assertThat(RotaSolving.score(rota).hardScore()).isNegative();
        assertThat(RotaAudit.account(rota).rules().stream().filter(rule -> rule.id().equals(RotaConstraints.PREFERENCE))
                .findFirst().orElseThrow().penalty()).as("some hours away from a preferred gate").isPositive();
        agrees(rota);
    }

    @Test
    void aGreedyRotaAndASolvedRotaAreAccountedForExactly() {
        agrees(GreedyRota.fill(RotaScenario.compound(4, 120, 80)));
        Rota solved = RotaSolving.factory(Duration.ofSeconds(5), null).buildSolver().solve(withPreferences(RotaScenario.compound(4, 120, 80)));
        agrees(solved);
        assertThat(solved.getScore().hardScore()).as("no hard rule broken").isZero();
        RotaAudit.Account account = RotaAudit.account(solved);
        assertThat(account.people()).isNotEmpty();
        assertThat(account.people().get(0).hours()).isPositive();
    }

    @Test
    void fewerVolunteersThanPostsNeedLeavesGapsWithTheirReasonsNotAFailure() {
        Rota rota = RotaSolving.factory(Duration.ofSeconds(3), null).buildSolver().solve(RotaScenario.compound(6, 15, 12));
        assertThat(rota.getScore().hardScore()).isZero();
        assertThat(rota.getScore().mediumScore()).as("gaps").isNegative();
        RotaAudit.Account account = RotaAudit.account(rota);
        assertThat(account.gaps()).isNotEmpty();
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        List<RotaAudit.Text> gapLines = account.rules().stream().filter(rule -> rule.id().equals(RotaConstraints.GAP)).findFirst()
                .orElseThrow().lines();
        assertThat(gapLines).hasSameSizeAs(account.gaps());
        assertThat(gapLines).allSatisfy(line -> assertThat(RotaTexts.render(line, messages, Locale.SIMPLIFIED_CHINESE))
                .matches("周.（12月\\d+日） \\d\\d:00–\\d\\d:00 \\S+：(无可用且合适的志愿者|可用的志愿者都已排满.*|可用的志愿者需要两班之间的休息)"));
        assertThat(RotaTexts.render(gapLines.get(0), messages, Locale.ENGLISH)).matches("\\w{3} \\d+/12 \\d\\d:00–\\d\\d:00 \\S+: .+");
        long emptyHours = account.gaps().stream().mapToLong(gap -> gap.to() - gap.from()).sum();
        assertThat(emptyHours).as("the runs cover the empty seats' hours").isPositive()
                .isLessThanOrEqualTo(-rota.getScore().mediumScore());
    }
}
