package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pair skip search reports exactly the literals that occur in the value folded a character at a time:
 * on Latin-1 values that is what {@code contains} finds in the folded value, and on others never less.
 */
class PairSkipSearchTest {

    @Test
    void reportsTheLiteralsContainsFindsInLatin1Values() {
        agrees(new Random(61), "ab:-", "abAB:-é");
        agrees(new Random(67), "sekurlsa:", "sekurlsaSEKURLSA:;é ");
    }

    @Test
    void neverMissesALiteralAroundLatin1() {
        agrees(new Random(71), "ki", "kKiI\u212AİıΣ\uD800");
        agrees(new Random(73), "åÿs", "åÅ\u212BÿŸsSσς");
    }

    @Test
    void isTheSearchForAFewDozenLongLiterals() {
        Random r = new Random(79);
        List<String> keywords = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            keywords.add(LiteralOracle.random(r, "abcdefghijklmnopqrstuvwxyz:", 9 + r.nextInt(10)));
        }
        assertThat(LiteralSearch.of(keywords)).isInstanceOf(PairSkipSearch.class);
        // Ten as well: a window of pairs moves past most of a value's pairs in full.
        assertThat(LiteralSearch.of(keywords.subList(0, 10))).isInstanceOf(PairSkipSearch.class);
        // Literals of seven common characters: too short for pairs, too common for rare characters.
        assertThat(LiteralSearch.of(List.of("estates", "seconds", "tension"))).isInstanceOf(SkipSearch.class);
        List<String> withShort = new ArrayList<>(keywords);
        withShort.add("use");
        assertThat(LiteralSearch.of(withShort)).isInstanceOf(LiteralAutomaton.class);
    }

    private static void agrees(Random r, String literalChars, String valueChars) {
        SkipOracle.agrees(r, literalChars, valueChars, PairSkipSearch.MIN_WINDOW, 40, PairSkipSearch::suits,
                PairSkipSearch::new);
    }
}
