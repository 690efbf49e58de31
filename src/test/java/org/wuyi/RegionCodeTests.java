package org.wuyi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wuyi.shared.RegionCode;

class RegionCodeTests {

    @Test
    void acceptsTheFiveLevelsAndNothingElse() {
        assertThat(RegionCode.parse("35")).isPresent();
        assertThat(RegionCode.parse("3501")).isPresent();
        assertThat(RegionCode.parse("350102")).isPresent();
        assertThat(RegionCode.parse("350102005")).isPresent();
        assertThat(RegionCode.parse("350102005001")).isPresent();
        assertThat(RegionCode.parse("3501020")).isEmpty();
        assertThat(RegionCode.parse("35010200500")).isEmpty();
        assertThat(RegionCode.parse("350102' OR '1'='1")).isEmpty();
        assertThat(RegionCode.parse("<script>alert(1)</script>")).isEmpty();
        assertThat(RegionCode.parse(null)).isEmpty();
        assertThatThrownBy(() -> RegionCode.of("35a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void containmentIsAPrefixTest() {
        RegionCode nanjie = RegionCode.of("350102005");
        assertThat(nanjie.contains(RegionCode.of("350102005001"))).isTrue();
        assertThat(nanjie.contains(nanjie)).isTrue();
        assertThat(nanjie.contains(RegionCode.of("350102100012"))).isFalse();
        assertThat(nanjie.contains(RegionCode.of("350102"))).isFalse();
        assertThat(nanjie.containsCode("3501020050011001")).as("a grid code of one of its communities").isTrue();
    }

    @Test
    void knowsItsLineage() {
        assertThat(RegionCode.of("350102005001").lineage()).extracting(RegionCode::value)
                .containsExactly("35", "3501", "350102", "350102005", "350102005001");
        assertThat(RegionCode.of("350102005001").parent()).contains(RegionCode.of("350102005"));
        assertThat(RegionCode.of("35").parent()).isEmpty();
    }
}
