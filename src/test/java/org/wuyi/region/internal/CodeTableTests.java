package org.wuyi.region.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CodeTableTests {

    @Test
    void remembersTheFirstLineOfEachCodeAcrossGrowth() {
        CodeTable table = new CodeTable();
        for (long line = 2; line < 200_002; line++) {
            String code = String.valueOf(110101001000L + line);
            assertThat(table.putIfAbsent(CodeTable.key(code), line)).isEqualTo(-1);
        }
        assertThat(table.size()).isEqualTo(200_000);
        assertThat(table.putIfAbsent(CodeTable.key("110101001002"), 999)).as("first seen on line 2").isEqualTo(2);
        assertThat(table.contains(CodeTable.key("110101201001"))).isTrue();
        assertThat(table.contains(CodeTable.key("110101301001"))).isFalse();
    }

    @Test
    void codesOfDifferentLevelsWithTheSameDigitsAreDifferentKeys() {
        assertThat(CodeTable.key("110101")).isNotEqualTo(CodeTable.key("000110101"));
    }

    @Test
    void findsTheParentOfEachLevel() {
        assertThat(CodeTable.parentKey(CodeTable.key("350102005001"))).isEqualTo(CodeTable.key("350102005"));
        assertThat(CodeTable.parentKey(CodeTable.key("350102005"))).isEqualTo(CodeTable.key("350102"));
        assertThat(CodeTable.parentKey(CodeTable.key("350102"))).isEqualTo(CodeTable.key("3501"));
        assertThat(CodeTable.parentKey(CodeTable.key("3501"))).isEqualTo(CodeTable.key("35"));
    }
}
