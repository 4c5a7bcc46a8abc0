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
        assertThat(RegexLiteral.anyOf("^\\S+\\s+(share|use)[/-]d", true)).containsExactly("share", "use");
        assertThat(RegexLiteral.anyOf("x(ab|cd)?yz", true)).containsExactly("yz");
        assertThat(RegexLiteral.anyOf("(a|)bcd", true)).containsExactly("bcd");
    }

    @Test
    void extendsTheWordsOfAGroupByWhatMustFollowIt() {
        assertThat(RegexLiteral.anyOf("(share|use)\\s[/-]d", true))
                .containsExactly("share ", "share\t", "share\n", "share\f", "share\r", "use ", "use\t", "use\n", "use\f", "use\r");
        assertThat(RegexLiteral.anyOf("(ab|cd)\\.ex?", true)).containsExactly("ab.e", "cd.e");
        assertThat(RegexLiteral.anyOf("(ab|cd)x+y", true)).containsExactly("abx", "cdx");
        assertThat(RegexLiteral.anyOf("(ab|cd)\\d", true)).containsExactly("ab", "cd");
        assertThat(RegexLiteral.anyOf("(?i)(ab|cd)sx", true)).containsExactly("ab", "cd");
    }

    @Test
    void everyMatchContainsOneOfTheLiterals() {
        String[] pieces = {"(share|use)", "(ab|c)", "(?:q|rr)", "\\s", " ", "x", "\\.", "+", "?", "*", "[/-]", "d", "|",
                "s", "\\S+", "(x|)", "{2}", "a", "\\d"};
        char[] alphabet = "shareuxabcqrd ./-\t\nS1".toCharArray();
        java.util.Random random = new java.util.Random(5);
        int checked = 0;
        for (int n = 0; n < 4_000; n++) {
            StringBuilder p = new StringBuilder();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                p.append(pieces[random.nextInt(pieces.length)]);
            }
            boolean caseSensitive = random.nextBoolean();
            com.google.re2j.Pattern re;
            try {
                re = com.google.re2j.Pattern.compile(p.toString(), caseSensitive ? 0 : com.google.re2j.Pattern.CASE_INSENSITIVE);
            } catch (com.google.re2j.PatternSyntaxException e) {
                continue;
            }
            java.util.List<String> literals = RegexLiteral.anyOf(p.toString(), caseSensitive);
            for (int t = 0; t < 40; t++) {
                StringBuilder v = new StringBuilder();
                for (int k = random.nextInt(14); k > 0; k--) {
                    char c = alphabet[random.nextInt(alphabet.length)];
                    v.append(random.nextInt(4) == 0 ? Character.toUpperCase(c) : c);
                }
                String value = v.toString();
                if (!literals.isEmpty() && re.matcher(value).find()) {
                    String folded = value.toLowerCase(java.util.Locale.ROOT);
                    assertThat(literals.stream().anyMatch(folded::contains)).as(p + " on '" + value + "' " + literals).isTrue();
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    void skipsPosixClassesInsideABracketClassWhole() {
        // "[[:alpha:]x]" is one class; its inner ']' must not end it, or "x]" would look like a required run.
        assertThat(RegexLiteral.anyOf("[[:alpha:]xyz]a", true)).containsExactly("a");
        assertThat(RegexLiteral.anyOf("a[[:digit:]b]", true)).containsExactly("a");
    }
}
