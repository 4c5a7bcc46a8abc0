package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise of the skip searches, checked on random literal sets: a search reports exactly the literals
 * that occur in the value folded a character at a time, which on Latin-1 values is what {@code contains}
 * finds in the value's string fold, and on others never less; and no value shorter than its
 * {@link LiteralSearch#minLength} holds one.
 */
final class SkipOracle {

    private SkipOracle() {
    }

    /**
     * Builds 300 sets of 2 to {@code maxLiterals + 1} literals of {@code minLength} to {@code minLength + 5}
     * characters from {@code literalChars}, each one {@code suits}, and compares {@code search} of each with
     * the fold on 40 values: random characters of {@code valueChars}, whole literals in random case and cut
     * literals, in random order.
     */
    static void agrees(Random r, String literalChars, String valueChars, int minLength, int maxLiterals,
                       Predicate<List<String>> suits, Function<List<String>, LiteralSearch> search) {
        int hits = 0;
        int shorter = 0;
        for (int round = 0; round < 300; round++) {
            List<String> lits = new ArrayList<>();
            for (int i = 0; i < 2 + r.nextInt(maxLiterals); i++) {
                lits.add(LiteralOracle.random(r, literalChars, minLength + r.nextInt(6)).toLowerCase(Locale.ROOT));
            }
            assertThat(suits.test(lits)).as("suits %s", lits).isTrue();
            LiteralSearch s = search.apply(lits);
            for (int j = 0; j < 40; j++) {
                String v = value(r, lits, valueChars);
                StringBuilder perChar = new StringBuilder();
                for (int k = 0; k < v.length(); k++) {
                    perChar.append(Character.toLowerCase(v.charAt(k)));
                }
                TreeSet<Integer> inFolded = LiteralOracle.inFolded(lits, v);
                TreeSet<Integer> got = LiteralOracle.reported(s, v);
                hits += got.size();
                assertThat(got).as("%s in %s", lits, v).isEqualTo(LiteralOracle.in(lits, perChar)).containsAll(inFolded);
                if (v.chars().allMatch(c -> c < 256)) {
                    assertThat(got).isEqualTo(inFolded);
                }
                if (v.length() < s.minLength()) {
                    // What lets plans skip short values without calling the search.
                    assertThat(inFolded).as("%s in %s, shorter than %d", lits, v, s.minLength()).isEmpty();
                    shorter++;
                }
            }
        }
        assertThat(hits).as("literals found at all").isGreaterThan(1000);
        assertThat(shorter).as("values shorter than the search's minimum length").isGreaterThan(100);
    }

    private static String value(Random r, List<String> lits, String valueChars) {
        StringBuilder sb = new StringBuilder();
        int pieces = r.nextInt(6);
        for (int p = 0; p < pieces; p++) {
            String l = lits.get(r.nextInt(lits.size()));
            switch (r.nextInt(3)) {
                case 0 -> sb.append(LiteralOracle.random(r, valueChars, r.nextInt(12)));
                case 1 -> {
                    for (char c : l.toCharArray()) {
                        sb.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
                    }
                }
                default -> sb.append(l, 0, r.nextInt(l.length()));
            }
        }
        return sb.toString();
    }
}
