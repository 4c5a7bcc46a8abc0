package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The skip search reports exactly the literals that occur in the value folded a character at a time: on
 * Latin-1 values that is what {@code contains} finds in the folded value, and on others never less.
 */
class SkipSearchTest {

    @Test
    void reportsTheLiteralsContainsFindsInLatin1Values() {
        agrees(new Random(3), "ab-", "abAB-é");
    }

    @Test
    void neverMissesALiteralAroundLatin1() {
        // Kelvin and Angstrom signs and Y with diaeresis fold into Latin-1, dotted capital I folds to two
        // characters, final sigma depends on context, and lone surrogates stay as they are.
        agrees(new Random(5), "ki", "kKiI\u212AİıΣ\uD800");
        agrees(new Random(7), "åÿs", "åÅ\u212BÿŸsSσς");
    }

    private static void agrees(Random r, String literalChars, String valueChars) {
        int hits = 0;
        for (int round = 0; round < 500; round++) {
            List<String> lits = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(SkipSearch.MAX_LITERALS); i++) {
                lits.add(LiteralOracle.random(r, literalChars, SkipSearch.MIN_WINDOW + r.nextInt(4)).toLowerCase(Locale.ROOT));
            }
            assertThat(SkipSearch.suits(lits)).isTrue();
            SkipSearch search = new SkipSearch(lits);
            for (int j = 0; j < 40; j++) {
                String v = LiteralOracle.random(r, valueChars, r.nextInt(40));
                StringBuilder perChar = new StringBuilder();
                for (int k = 0; k < v.length(); k++) {
                    perChar.append(Character.toLowerCase(v.charAt(k)));
                }
                TreeSet<Integer> inFolded = LiteralOracle.inFolded(lits, v);
                TreeSet<Integer> inPerChar = LiteralOracle.in(lits, perChar);
                TreeSet<Integer> got = LiteralOracle.reported(search, v);
                hits += got.size();
                assertThat(got).as("%s in %s", lits, v).isEqualTo(inPerChar).containsAll(inFolded);
                if (v.chars().allMatch(c -> c < 256)) {
                    assertThat(got).isEqualTo(inFolded);
                }
            }
        }
        assertThat(hits).as("literals found at all").isGreaterThan(100);
    }
}
