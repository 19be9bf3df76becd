package com.stocklens.rules;

import com.stocklens.domain.Wording;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GS1 check digits against published codes of every GTIN length, each re-verified by hand-rolled mod 10. */
class GtinTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "96385074", "40170725", "73513537",                 // GTIN-8 / EAN-8
            "036000291452", "012345678905",                     // GTIN-12 / UPC-A
            "4006381333931", "5012345678900", "9780306406157",  // GTIN-13 / EAN-13 (the last an ISBN-13)
            "0036000291452",                                    // the UPC-A read as EAN-13
            "10012345678902", "00012345600012"                  // GTIN-14
    })
    void knownGoodCodesAreValid(String code) {
        assertThat(Gtin.problem(code)).isEmpty();
        assertThat(Gtin.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "96385075", "036000291453", "4006381333932", "5012345678901", "10012345678903",  // check digit changed
            "4006381343931", "036000391452",                    // one body digit changed
            "4006318333931"                                     // two neighbours swapped (6-1 ↔ 1-6 changes the sum)
    })
    void oneDigitChangedIsInvalid(String code) {
        assertThat(Gtin.isValid(code)).isFalse();
        assertThat(Gtin.problem(code)).hasValueSatisfying(p -> assertThat(p.english()).contains("check digit"));
    }

    @Test
    void wrongLengthsAndLettersAreInvalidWithAReason() {
        assertThat(Gtin.problem("1234567")).hasValueSatisfying(p -> assertThat(p.english()).contains("7 digits"));
        assertThat(Gtin.problem("40063813339311")).hasValueSatisfying(p -> assertThat(p.english()).contains("check digit"));
        assertThat(Gtin.problem("12345678901")).hasValueSatisfying(p -> assertThat(p.english()).contains("11 digits"));
        assertThat(Gtin.problem("123456789012345")).hasValueSatisfying(p -> assertThat(p.english()).contains("15 digits"));
        assertThat(Gtin.problem("40063813339A1"))
                .hasValueSatisfying(p -> assertThat(p.english()).contains("other than digits"));
        assertThat(Gtin.problem("４００６３８１３３３９３１")).as("full-width digits are not GS1 digits").isPresent();
        assertThat(Gtin.problem("").map(Wording::english)).hasValue("no barcode");
        assertThat(Gtin.problem(null).map(Wording::english)).hasValue("no barcode");
    }

    @Test
    void spacesAndDashesAreNotPartOfTheCode() {
        assertThat(Gtin.normalise(" 5 012345-678900 ")).isEqualTo("5012345678900");
        assertThat(Gtin.isValid("0 36000 29145 2")).isTrue();
        assertThat(Gtin.isValid("4006381\u00a0333931")).isTrue();
    }

    @Test
    void upcAReadAsEan13OrGtin14IsTheSameCode() {
        assertThat(Gtin.sameCode("036000291452", "0036000291452")).isTrue();
        assertThat(Gtin.sameCode("036000291452", "00036000291452")).isTrue();
        assertThat(Gtin.sameCode("0036000291452", "0 036000 291452")).isTrue();
        assertThat(Gtin.sameCode("96385074", "00000096385074")).isTrue();
        assertThat(Gtin.sameCode("4006381333931", "5012345678900")).isFalse();
        // A leading 1 is a packaging level, not padding: a case of 10 is not the unit.
        assertThat(Gtin.sameCode("10012345678902", "0012345678905")).isFalse();
        assertThat(Gtin.sameCode("", "")).isFalse();
        assertThat(Gtin.sameCode(null, null)).isFalse();
        assertThat(Gtin.sameCode("ABC-1", "abc1")).isFalse();
    }

    @Test
    void checkDigitServesEveryLength() {
        assertThat(Gtin.checkDigit("9638507")).isEqualTo(4);
        assertThat(Gtin.checkDigit("03600029145")).isEqualTo(2);
        assertThat(Gtin.checkDigit("400638133393")).isEqualTo(1);
        assertThat(Gtin.checkDigit("1001234567890")).isEqualTo(2);
        assertThatThrownBy(() -> Gtin.checkDigit("12a")).isInstanceOf(IllegalArgumentException.class);
    }
}
