package dev.vigil.core.engine.match;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The literal runs never contradict RE2/J: NO only where it finds no match, YES only where it finds one. */
class RegexRunsTest {

    private static final String[] PIECES = {
        "a", "b", "K", "s", "+", "\\+", "\\{", "`", "\\^", "-", "\\.", "\\\\", "é",
        ".", ".*", ".*?", ".+", "a?", "b*", "a+", "\\++", "a{2}", "b{0,1}", "[ab]", "[^a]", "(a|b)", "(?:ab)+",
        "^", "$", "|", "\\d", "\\s", "\\b", "(?i)", "(?s)", "[/-]", "[+a]", "[a-b]", "(ab|b)", "(?:a|bb)+",
        "(a|b)?", "[ab]+", "a{,2}", "\\Q+\\E", "[]a]",
    };
    private static final String VALUE_CHARS = "aAbBkKsS\u212A\u017F+{^`-/.\\é\n\r \uD800";

    @Test
    void agreesWithRe2OnRandomPatterns() {
        Random r = new Random(17);
        for (int round = 0; round < 3000; round++) {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < 1 + r.nextInt(8); i++) {
                p.append(PIECES[r.nextInt(PIECES.length)]);
            }
            agrees(r, p.toString(), r.nextBoolean());
        }
    }

    @Test
    void agreesWithRe2OnRunsJoinedByAnything() {
        Random r = new Random(19);
        String[] runs = {"\\+", "\\{", "`", "\\^", "a", "ab", "\\+\\+"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder p = new StringBuilder(runs[r.nextInt(runs.length)]);
            for (int i = 0; i < r.nextInt(5); i++) {
                p.append(".*").append(runs[r.nextInt(runs.length)]);
            }
            agrees(r, p.toString(), r.nextBoolean());
        }
    }

    @Test
    void answersRunsJoinedByAnythingWithoutTheMachine() {
        RegexRuns runs = RegexRuns.of("\\+.*\\+.*\\+", true);
        assertThat(runs.test("a+b+c+d")).isEqualTo(RegexRuns.Verdict.YES);
        assertThat(runs.test("a+b+c")).isEqualTo(RegexRuns.Verdict.NO);
        assertThat(runs.test("a+b\n+c+")).isEqualTo(RegexRuns.Verdict.MAYBE);
    }

    private static void agrees(Random r, String pattern, boolean caseSensitive) {
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
        } catch (RuntimeException e) {
            return;
        }
        RegexRuns runs = RegexRuns.of(pattern, caseSensitive);
        for (int j = 0; j < 40; j++) {
            StringBuilder v = new StringBuilder();
            for (int k = 0; k < r.nextInt(16); k++) {
                v.append(VALUE_CHARS.charAt(r.nextInt(VALUE_CHARS.length())));
            }
            String value = v.toString();
            boolean found = compiled.matcher(value).find();
            RegexRuns.Verdict verdict = runs.test(value);
            if (verdict != RegexRuns.Verdict.MAYBE) {
                assertThat(verdict == RegexRuns.Verdict.YES).as("/%s/%s on %s", pattern, caseSensitive ? "" : "i", value)
                        .isEqualTo(found);
            }
        }
    }
}
