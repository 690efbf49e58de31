package org.wuyi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wuyi.shared.CreditCode;

class CreditCodeTests {

    @Test
    void acceptsPublishedCodes() {
        assertThat(CreditCode.isValid("914403001922038216")).isTrue();
        assertThat(CreditCode.isValid("91110000100017643K")).isTrue();
        assertThat(CreditCode.isValid("911100001000044477")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacterAndForeignCharacters() {
        assertThat(CreditCode.isValid("914403001922038217")).isFalse();
        assertThat(CreditCode.isValid("91110000100017643k")).as("lower case").isFalse();
        assertThat(CreditCode.isValid("9111000010001764IK")).as("I is not in the set").isFalse();
        assertThat(CreditCode.isValid("91440300192203821")).as("17 characters").isFalse();
        assertThat(CreditCode.isValid(null)).isFalse();
    }

    @Test
    void everySingleCharacterChangeIsCaught() {
        String code = "914403001922038216";
        String charset = CreditCode.charset();
        for (int position = 0; position < 18; position++) {
            for (char replacement : charset.toCharArray()) {
                if (replacement != code.charAt(position)) {
                    String changed = code.substring(0, position) + replacement + code.substring(position + 1);
                    assertThat(CreditCode.isValid(changed)).as(changed).isFalse();
                }
            }
        }
    }
}
