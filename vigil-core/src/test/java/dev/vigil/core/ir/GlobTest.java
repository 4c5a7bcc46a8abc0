package dev.vigil.core.ir;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    @Test
    void starMatchesAnyRunIncludingNewlines() {
        assertThat(Glob.parse("*delete*").matches("net share x /delete")).isTrue();
        assertThat(Glob.parse("*delete*").matches("a\nb delete\nc")).isTrue();
        assertThat(Glob.parse("*delete*").matches("net share x /d")).isFalse();
    }

    @Test
    void matchIsWholeValue() {
        assertThat(Glob.parse("net.exe").matches("net.exe")).isTrue();
        assertThat(Glob.parse("net.exe").matches("xnet.exe")).isFalse();
        assertThat(Glob.parse("*net.exe").matches("C:\\net.exe")).isTrue();
        assertThat(Glob.parse("C:*").matches("D:\\C:")).isFalse();
    }

    @Test
    void questionMarkIsExactlyOneCharacter() {
        assertThat(Glob.parse("a?c").matches("abc")).isTrue();
        assertThat(Glob.parse("a?c").matches("ac")).isFalse();
        assertThat(Glob.parse("a?c").matches("abbc")).isFalse();
    }

    @Test
    void escapedWildcardsAreLiteral() {
        Glob g = Glob.parse("C:\\\\Tasks\\\\\\*");
        assertThat(g.matches("C:\\Tasks\\*")).isTrue();
        assertThat(g.matches("C:\\Tasks\\x")).isFalse();
        assertThat(Glob.parse(Glob.escape("a*b?c\\")).matches("a*b?c\\")).isTrue();
    }

    @Test
    void wildcardDetectionIgnoresEscapes() {
        assertThat(Glob.hasWildcard("a\\*b")).isFalse();
        assertThat(Glob.hasWildcard("a*b")).isTrue();
        assertThat(Glob.unescape("a\\*b\\\\")).isEqualTo("a*b\\");
    }

    @Test
    void manyStarsStayFastOnLongText() {
        // A pattern that makes naive backtracking explode must still answer (correctly) at once.
        String text = "a".repeat(5000);
        assertThat(Glob.parse("*a*a*a*a*a*a*a*a*b").matches(text)).isFalse();
    }

    @Test
    void starOnlyPatternsAgreeWithARegularExpressionOnRandomTexts() {
        // Over a two-letter alphabet pieces recur often, so first occurrences are rarely the only ones.
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String pattern = random(random, "ab*", random.nextInt(9));
            String text = random(random, "ab", random.nextInt(14));
            Glob glob = Glob.parse(pattern);
            boolean expected = Pattern.compile(pattern.replace("*", ".*"), Pattern.DOTALL).matcher(text).matches();
            assertThat(glob.matches(text)).as("%s on %s", pattern, text).isEqualTo(expected);
            assertThat(glob.matchesByBacktracking(text)).as("%s on %s", pattern, text).isEqualTo(expected);
        }
    }

    @Test
    void piecesMayNotOverlapTheLastOne() {
        assertThat(Glob.parse("*ab*b").matches("ab")).isFalse();
        assertThat(Glob.parse("a*a").matches("a")).isFalse();
        assertThat(Glob.parse("a*a").matches("aa")).isTrue();
        assertThat(Glob.parse("*ab*ab").matches("xabab")).isTrue();
    }

    private static String random(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
