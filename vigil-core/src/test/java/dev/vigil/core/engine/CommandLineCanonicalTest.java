package dev.vigil.core.engine;

import dev.vigil.core.event.CommandLineCanonical;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineCanonicalTest {

    @Test
    void quotesAndCaretsInsideSwitchesDisappear() {
        assertThat(CommandLineCanonical.of("net share x /de\"le\"te")).isEqualTo("net share x /delete");
        assertThat(CommandLineCanonical.of("net share x /de^le^te")).isEqualTo("net share x /delete");
    }

    @Test
    void caseIsFoldedAndSpaceCollapsed() {
        assertThat(CommandLineCanonical.of("  NET\t  Share   X  /DELETE ")).isEqualTo("net share x /delete");
    }

    @Test
    void unicodeDashesBecomeHyphenMinus() {
        assertThat(CommandLineCanonical.of("powershell \u2013enc AAA \u2014nop \u2212w hidden"))
                .isEqualTo("powershell -enc aaa -nop -w hidden");
    }
}
