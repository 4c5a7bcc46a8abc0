package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The literal a regex needs: only what every match must contain. */
class RegexLiteralTest {

    @Test
    void takesTheLongestRequiredRunAtTheTopLevel() {
        assertThat(RegexLiteral.of("\\\\mimikatz\\.exe", true)).isEqualTo("\\mimikatz.exe");
        assertThat(RegexLiteral.of("cmd(\\.exe)?\\s+/c", true)).isEqualTo("cmd");
    }

    @Test
    void givesNothingForATopLevelAlternation() {
        assertThat(RegexLiteral.of("cmd|powershell", true)).isEmpty();
    }

    @Test
    void dropsOptionalCharactersAndRepeatCounts() {
        assertThat(RegexLiteral.of("ab?c", true)).isEqualTo("a");
        assertThat(RegexLiteral.of("x{12}", true)).isEmpty();
        assertThat(RegexLiteral.of("\\x41\\x{263a}z", true)).isEqualTo("z");
    }

    @Test
    void avoidsLettersWhoseCaseFoldLowerCasingMisses() {
        assertThat(RegexLiteral.of("(?i)taskkill", true)).isEqualTo("ill");
        assertThat(RegexLiteral.of("taskkill", true)).isEqualTo("taskkill");
    }

    @Test
    void takesTheWordsOfARequiredTopLevelGroupWhenTheyBeatTheLongestRun() {
        assertThat(RegexLiteral.anyOf("^\\S+\\s+(share|use)\\s[/-]d", true)).containsExactly("share", "use");
        assertThat(RegexLiteral.anyOf("x(ab|cd)?yz", true)).containsExactly("yz");
        assertThat(RegexLiteral.anyOf("(a|)bcd", true)).containsExactly("bcd");
    }

    @Test
    void skipsPosixClassesInsideABracketClassWhole() {
        // "[[:alpha:]x]" is one class; its inner ']' must not end it, or "x]" would look like a required run.
        assertThat(RegexLiteral.anyOf("[[:alpha:]xyz]a", true)).containsExactly("a");
        assertThat(RegexLiteral.anyOf("a[[:digit:]b]", true)).containsExactly("a");
    }
}
