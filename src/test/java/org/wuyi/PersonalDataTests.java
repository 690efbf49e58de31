package org.wuyi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wuyi.shared.MobileNumber;
import org.wuyi.shared.ResidentId;

class PersonalDataTests {

    @Test
    void aResidentIdNeedsItsCheckCharacterAndARealBirthDate() {
        String first17 = "35010219900307123";
        String valid = first17 + ResidentId.checkCharacter(first17);
        assertThat(ResidentId.isValid(valid)).isTrue();
        // The standard's own example (GB 11643-1999, appendix): 11010519491231002X.
        assertThat(ResidentId.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentId.parse("11010519491231002x")).as("a lower-case x is read as X").isPresent();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        assertThat(ResidentId.isValid(first17 + wrong)).isFalse();
        assertThat(ResidentId.isValid("350102199002301234")).as("30 February").isFalse();
        assertThat(ResidentId.isValid("35010219900307123")).as("17 characters").isFalse();
    }

    @Test
    void numbersAreMaskedWhereverTheyAreShownByAccident() {
        ResidentId id = ResidentId.of("11010519491231002X");
        assertThat(id.masked()).isEqualTo("110105********002X");
        assertThat(String.valueOf(id)).isEqualTo("110105********002X");
        assertThat(id.male()).isFalse();
        MobileNumber mobile = MobileNumber.of("+86 138-1234-5678");
        assertThat(mobile.value()).isEqualTo("13812345678");
        assertThat(mobile.masked()).isEqualTo("138****5678");
        assertThat(String.valueOf(mobile)).isEqualTo("138****5678");
        assertThat(MobileNumber.parse("12812345678")).isEmpty();
        assertThat(MobileNumber.parse("1381234567")).isEmpty();
    }
}
