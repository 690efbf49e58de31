package org.wuyi.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped rule sets' countdowns day by day, and rule sets added as files (YAML, JSON) or refused with the fault named. */
class RuleSetsTests {

    private static final LocalDate DAY0 = LocalDate.of(2026, 12, 1);

    @TempDir
    Path dir;

    private static RuleSets shipped() throws IOException {
        return new RuleSets("");
    }

    @Test
    void ninthEditionHighNeedsSevenCleanDaysAndAnAllNegativeRoundOnDaySeven() throws IOException {
        RuleSet.Level high = shipped().find("ninth-edition").orElseThrow().level("HIGH").orElseThrow();
        assertThat(high.measures().zh()).isEqualTo("足不出户、上门服务");
        assertThat(high.lift().to()).isEqualTo("MEDIUM");
        for (int day = 0; day < 7; day++) {
            Countdown countdown = Countdown.of(high, DAY0, List.of(DAY0.plusDays(day)), DAY0.plusDays(day));
            assertThat(countdown.liftable()).as("day " + day).isFalse();
            assertThat(countdown.missing()).first().isEqualTo(new Countdown.Missing("risk.missing.days", 7 - day));
        }
        Countdown daySevenNoRound = Countdown.of(high, DAY0, List.of(DAY0.plusDays(6)), DAY0.plusDays(7));
        assertThat(daySevenNoRound.liftable()).isFalse();
        assertThat(daySevenNoRound.missing()).containsExactly(new Countdown.Missing("risk.missing.round", 7));
        Countdown dayEight = Countdown.of(high, DAY0, List.of(DAY0.plusDays(7)), DAY0.plusDays(8));
        assertThat(dayEight.liftable()).as("a clean round on day 7").isTrue();
        assertThat(dayEight.liftableFrom()).isEqualTo(DAY0.plusDays(7));
        // a new infection on day 6: the countdown runs from day 6 again
        Countdown reset = Countdown.of(high, DAY0.plusDays(6), List.of(DAY0.plusDays(7)), DAY0.plusDays(8));
        assertThat(reset.day()).isEqualTo(2);
        assertThat(reset.liftable()).isFalse();
        assertThat(reset.liftableFrom()).isEqualTo(DAY0.plusDays(13));
    }

    @Test
    void twentyMeasuresHighIsLiftedAfterFiveCleanDaysAndIsDrawnNoLargerThanABuilding() throws IOException {
        RuleSet set = shipped().find("twenty-measures").orElseThrow();
        assertThat(set.areas()).containsExactly("BUILDING", "UNIT");
        assertThat(set.level("MEDIUM")).isEmpty();
        RuleSet.Level high = set.level("HIGH").orElseThrow();
        assertThat(high.lift().to()).as("out of control altogether").isNull();
        assertThat(Countdown.of(high, DAY0, List.of(), DAY0.plusDays(4)).liftable()).isFalse();
        assertThat(Countdown.of(high, DAY0, List.of(), DAY0.plusDays(5)).liftable()).as("no round needed").isTrue();
    }

    @Test
    void aDistrictAddsARuleSetAsAFileOrLearnsWhatIsWrongWithIt() throws IOException {
        Files.writeString(dir.resolve("county.json"), """
                {"code": "county-2022", "name": {"zh": "县里的规则", "en": "The county's rules"}, "areas": ["BUILDING"],
                 "levels": [{"level": "HIGH", "name": {"zh": "高"}, "measures": {"zh": "足不出户"}, "lift": {"cleanDays": 3}},
                            {"level": "LOW", "name": {"zh": "低"}, "measures": {"zh": "防护"}}]}""");
        RuleSets sets = new RuleSets(dir.toString());
        assertThat(sets.all()).extracting(RuleSet::code).containsExactly("ninth-edition", "twenty-measures", "county-2022");
        assertThat(sets.find("county-2022").orElseThrow().level("HIGH").orElseThrow().lift().cleanDays()).isEqualTo(3);

        assertThatThrownBy(() -> RuleSets.parse(stream("""
                code: broken
                name: {zh: 坏的}
                areas: [BUILDING]
                levels:
                  - {level: HIGH, name: {zh: 高}, measures: {zh: 足不出户}, lift: {cleanDays: 7, to: PURPLE}}
                """), "broken.yaml")).hasMessageContaining("broken.yaml").hasMessageContaining("PURPLE");
        assertThatThrownBy(() -> RuleSets.parse(stream("""
                code: zero
                name: {zh: 零}
                areas: [STREET]
                levels: [{level: HIGH, name: {zh: 高}, measures: {zh: 足不出户}}]
                """), "zero.yaml")).hasMessageContaining("STREET");
        Files.writeString(dir.resolve("again.yaml"), Files.readString(dir.resolve("county.json")));
        assertThatThrownBy(() -> new RuleSets(dir.toString())).hasMessageContaining("taken");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
