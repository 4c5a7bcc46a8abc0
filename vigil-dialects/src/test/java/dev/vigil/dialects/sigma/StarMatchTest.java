package dev.vigil.dialects.sigma;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A condition's identifier pattern ({@code 1 of sel_*}) matches the names a regex with {@code .*} for {@code *} matches. */
class StarMatchTest {

    @Test
    void agreesWithTheRegex() {
        Random r = new Random(13);
        String chars = "ab_*.\n";
        int matched = 0;
        for (int round = 0; round < 50_000; round++) {
            String pattern = random(r, chars, r.nextInt(6));
            String name = random(r, chars.replace("*", ""), r.nextInt(8));
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
            }
            boolean expected = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(name).matches();
            assertThat(DetectionCompiler.starMatches(pattern, name)).as("%s ~ %s", pattern, name).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        assertThat(matched).isGreaterThan(2000);
    }

    private static String random(Random r, String chars, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(chars.charAt(r.nextInt(chars.length())));
        }
        return sb.toString();
    }
}
