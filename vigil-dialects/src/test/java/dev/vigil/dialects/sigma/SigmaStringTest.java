package dev.vigil.dialects.sigma;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Sigma's escaping, as pySigma reads it (semantics.md A.4). */
class SigmaStringTest {

    @Test
    void backslashBeforeAnOrdinaryCharacterIsLiteral() {
        assertThat(SigmaString.parse("C:\\Windows\\System32\\net.exe").parts())
                .containsExactly("C:\\Windows\\System32\\net.exe");
    }

    @Test
    void doubledBackslashIsOneBackslash() {
        assertThat(SigmaString.parse("C:\\\\Windows\\\\net.exe").plain()).isEqualTo("C:\\Windows\\net.exe");
    }

    @Test
    void pathEndingInBackslashStarEscapesTheWildcard() {
        // The C:\Windows\Tasks\* trap: no wildcard, the literal text C:\Windows\Tasks*
        SigmaString s = SigmaString.parse("C:\\Windows\\Tasks\\*");
        assertThat(s.hasWildcards()).isFalse();
        assertThat(s.parts()).containsExactly("C:\\Windows\\Tasks*");
    }

    @Test
    void doubleBackslashThenStarIsBackslashAndWildcard() {
        assertThat(SigmaString.parse("\\\\*").parts()).containsExactly("\\", SigmaString.Wildcard.MULTI);
    }

    @Test
    void tripleBackslashStarIsBackslashAndLiteralStar() {
        assertThat(SigmaString.parse("\\\\\\*").parts()).containsExactly("\\*");
    }

    @Test
    void escapedQuestionMarkAndTrailingBackslashAreLiteral() {
        assertThat(SigmaString.parse("a\\?b").parts()).containsExactly("a?b");
        assertThat(SigmaString.parse("abc\\").parts()).containsExactly("abc\\");
    }

    @Test
    void wildcardsSplitLiterals() {
        assertThat(SigmaString.parse("*\\net.exe").parts()).isEqualTo(List.of(SigmaString.Wildcard.MULTI, "\\net.exe"));
        assertThat(SigmaString.parse("a?c").parts()).isEqualTo(List.of("a", SigmaString.Wildcard.SINGLE, "c"));
    }
}
