package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class RegexSyntaxTest {

    @Test
    void alternativesAreTheTextBetweenBarsAfterALeadingNonCapturingMark() {
        assertThat(RegexSyntax.alternatives("?:share|use||")).containsExactly("share", "use", "", "");
    }

    @Test
    void alternativesAgreeWithSplittingAtEveryBar() {
        Random random = new Random(7);
        char[] alphabet = {'a', 'b', '|', '?', ':'};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder body = new StringBuilder();
            for (int i = random.nextInt(9); i > 0; i--) {
                body.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String b = body.toString();
            String rest = b.startsWith("?:") ? b.substring(2) : b;
            assertThat(RegexSyntax.alternatives(b)).as(b).containsExactlyElementsOf(Arrays.asList(rest.split("\\|", -1)));
        }
    }
}
