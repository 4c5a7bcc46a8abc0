package dev.vigil.dialects.sigma;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The top-level key scan finds the lines the multi-line patterns it replaces find, on any text. */
class TopKeysTest {

    private static final Pattern TOP_KEY = Pattern.compile("(?m)^(detection|correlation|filter)\\s*:");
    private static final Pattern LOGSOURCE = Pattern.compile("(?m)^logsource\\s*:");
    private static final String[] PIECES = {"detection", "logsource", "correlation", "filter", "detect", ":", " ",
        "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\f", "x", "  ", "- ", "title: t", "é",
        "\ndetection:", "\nlogsource:", "\rlogsource \n:", "\nfilter:", "\u2028correlation\t:"};

    @Test
    void agreesWithTheLinePatterns() {
        Random r = new Random(5);
        int rules = 0;
        int others = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.nextInt(14); i++) {
                sb.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String text = sb.toString();
            boolean rule = TOP_KEY.matcher(text).results().anyMatch(m -> m.group(1).equals("detection"))
                    && LOGSOURCE.matcher(text).find();
            boolean other = TOP_KEY.matcher(text).results().anyMatch(m -> !m.group(1).equals("detection"));
            TopKeys keys = TopKeys.of(text);
            assertThat(keys.rule()).as("rule: %s", text.replace("\n", "\\n").replace("\r", "\\r")).isEqualTo(rule);
            assertThat(keys.correlationOrFilter()).as("other: %s", text.replace("\n", "\\n").replace("\r", "\\r")).isEqualTo(other);
            rules += rule ? 1 : 0;
            others += other ? 1 : 0;
        }
        assertThat(rules).as("texts that are rules").isGreaterThan(300);
        assertThat(others).as("texts that are correlations or filters").isGreaterThan(300);
    }

    @Test
    void readsARule() {
        TopKeys keys = TopKeys.of("title: t\r\nlogsource:\r\n  product: windows\r\ndetection :\r\n  sel: {a: 1}\r\n");
        assertThat(keys.rule()).isTrue();
        assertThat(keys.correlationOrFilter()).isFalse();
    }
}
