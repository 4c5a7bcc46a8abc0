package dev.vigil.dialects.sigma;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written checks of rule metadata (id, dates, tags, ATT&CK technique tags) accept exactly what the
 * patterns the Sigma specification gives for them accept.
 */
class MetadataShapeTest {

    @Test
    void uuidIsEightFourFourFourTwelveHexDigits() {
        agree(Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"),
                SigmaRuleReader::uuid, "0123456789abcdefABCDEFgG-\u0660\uFF21", "797b2724-c568-4b4d-a8e0-6fd3c3f08620", 36);
    }

    @Test
    void dateIsFourTwoTwoDigits() {
        agree(Pattern.compile("\\d{4}[-/]\\d{2}[-/]\\d{2}"), SigmaRuleReader::date, "0129-/.\u0661", "2026/11-23", 10);
    }

    @Test
    void tagIsNamespaceDotName() {
        agree(Pattern.compile("[a-z0-9_-]+\\.[a-z0-9._-]+"), SigmaRuleReader::tag, "az09_-.A ", "attack.t1059.001", 6);
    }

    @Test
    void techniqueTagIsAttackDotTAndFourOrSevenDigits() {
        agree(Pattern.compile("attack\\.(t\\d{4}(?:\\.\\d{3})?)"), SigmaAnalytics::technique, "t019.a", "attack.t1070.005", 8);
    }

    /** Random mutations of a valid example, and random strings around the expected length. */
    private static void agree(Pattern p, Predicate<String> check, String alphabet, String valid, int length) {
        Random r = new Random(20261123L);
        assertThat(check.test(valid)).as(valid).isTrue();
        int accepted = 0;
        for (int round = 0; round < 20000; round++) {
            String s;
            if (r.nextBoolean()) {
                StringBuilder sb = new StringBuilder(valid);
                for (int k = r.nextInt(3); k >= 0; k--) {
                    int at = r.nextInt(sb.length() + 1);
                    char c = alphabet.charAt(r.nextInt(alphabet.length()));
                    switch (r.nextInt(3)) {
                        case 0 -> sb.insert(at, c);
                        case 1 -> { if (at < sb.length()) sb.setCharAt(at, c); }
                        default -> { if (at < sb.length()) sb.deleteCharAt(at); }
                    }
                }
                s = sb.toString();
            } else {
                StringBuilder sb = new StringBuilder();
                int n = Math.max(0, length - 2 + r.nextInt(5));
                for (int i = 0; i < n; i++) {
                    sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
                }
                s = sb.toString();
            }
            boolean want = p.matcher(s).matches();
            accepted += want ? 1 : 0;
            assertThat(check.test(s)).as("'%s'", s).isEqualTo(want);
        }
        assertThat(accepted).as("strings the pattern accepts").isGreaterThan(100);
    }
}
