package dev.vigil.core.ir;

import org.junit.jupiter.api.Test;

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
}
