package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gram search reports exactly the literals that occur in the folded value, long or short, whichever
 * gram each is indexed under, on values within Latin-1 and beyond.
 */
class GramSearchTest {

    @Test
    void reportsTheLiteralsContainsFindsInLatin1Values() {
        agrees(new Random(23), "ab-", "abAB-é", 0);
    }

    @Test
    void findsShortLiteralsAndLiteralsBeyondLatin1Too() {
        agrees(new Random(29), "abc", "abcABC", 3);
        agrees(new Random(31), "kiσς", "kKiI\u212AİıΣσς\uD800", 2);
    }

    @Test
    void takesTheWideValuesOfAnAutomatonOverManyLiterals() {
        List<String> lits = new ArrayList<>();
        for (int i = 0; i < GramSearch.MIN_LITERALS; i++) {
            lits.add("lit" + i);
        }
        lits.add("\u2013c");
        LiteralAutomaton a = new LiteralAutomaton(lits);
        assertThat(LiteralOracle.reported(a, "cmd \u2013C lit7 LIT12")).containsExactly(1, 7, 12, 64);
    }

    @Test
    void isTheSearchForAGreatManyLongLiteralsOnly() {
        List<String> hashes = new ArrayList<>();
        Random r = new Random(37);
        while (hashes.size() * 40 < GramSearch.LARGE_TOTAL) {
            hashes.add("sha256=" + LiteralOracle.random(r, "0123456789abcdef", 33));
        }
        assertThat(LiteralSearch.of(hashes)).isInstanceOf(GramSearch.class);
        assertThat(LiteralSearch.of(hashes.subList(0, hashes.size() / 2))).isInstanceOf(LiteralAutomaton.class);
        List<String> withShort = new ArrayList<>(hashes);
        for (int i = 0; i < hashes.size() / 10; i++) {
            withShort.add("/" + i % 10);
        }
        assertThat(LiteralSearch.of(withShort)).isInstanceOf(LiteralAutomaton.class);
    }

    private static void agrees(Random r, String literalChars, String valueChars, int shortest) {
        int hits = 0;
        for (int round = 0; round < 60; round++) {
            List<String> lits = new ArrayList<>();
            for (int i = 0; i < GramSearch.MIN_LITERALS + r.nextInt(200); i++) {
                int len = shortest > 0 && r.nextInt(4) == 0 ? 1 + r.nextInt(GramSearch.Q) : GramSearch.Q + r.nextInt(5);
                lits.add(LiteralOracle.random(r, literalChars, len).toLowerCase(Locale.ROOT));
            }
            GramSearch search = new GramSearch(lits);
            for (int j = 0; j < 60; j++) {
                String v = LiteralOracle.random(r, valueChars, r.nextInt(30));
                TreeSet<Integer> expected = LiteralOracle.inFolded(lits, v);
                TreeSet<Integer> got = LiteralOracle.reported(search, v);
                hits += expected.size();
                assertThat(got).as("%s in %s", lits, v).isEqualTo(expected);
            }
        }
        assertThat(hits).as("literals found at all").isGreaterThan(100);
    }
}
