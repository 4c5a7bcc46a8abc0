package dev.vigil.core.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumericTextTest {

    @Test
    void decimalAndHexParse() {
        assertThat(NumericText.parse("4688")).isEqualTo(4688.0);
        assertThat(NumericText.parse("0x25a4")).isEqualTo(9636.0);
        assertThat(NumericText.parse(" 12.5 ")).isEqualTo(12.5);
    }

    @Test
    void nonNumbersAreNaN() {
        assertThat(NumericText.parse("12d")).isNaN();
        assertThat(NumericText.parse("Infinity")).isNaN();
        assertThat(NumericText.parse("")).isNaN();
        assertThat(NumericText.parse(null)).isNaN();
    }
}
