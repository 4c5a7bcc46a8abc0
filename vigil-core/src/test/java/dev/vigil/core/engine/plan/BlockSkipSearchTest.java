package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The block skip search reports exactly the literals that occur in the value folded a character at a time:
 * on Latin-1 values that is what {@code contains} finds in the folded value, and on others never less.
 */
class BlockSkipSearchTest {

    @Test
    void reportsTheLiteralsContainsFindsInLatin1Values() {
        agrees(new Random(41), "ab-", "abAB-é");
        agrees(new Random(43), "0123456789abcdef=", "0123456789abcdefABCDEF=,");
    }

    @Test
    void neverMissesALiteralAroundLatin1() {
        agrees(new Random(47), "ki", "kKiI\u212AİıΣ\uD800");
        agrees(new Random(53), "åÿs", "åÅ\u212BÿŸsSσς");
    }

    @Test
    void isTheSearchForHashListsOnly() {
        Random r = new Random(59);
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            hashes.add("md5=" + LiteralOracle.random(r, "0123456789abcdef", 32));
        }
        assertThat(LiteralSearch.of(hashes)).isInstanceOf(BlockSkipSearch.class);
        List<String> withShort = new ArrayList<>(hashes);
        withShort.add("mimikatz");
        assertThat(LiteralSearch.of(withShort)).isInstanceOf(LiteralAutomaton.class);
        List<String> many = new ArrayList<>(hashes);
        for (int i = 0; i < 2000; i++) {
            many.add("sha1=" + LiteralOracle.random(r, "0123456789abcdef", 40));
        }
        assertThat(LiteralSearch.of(many)).isNotInstanceOf(BlockSkipSearch.class);
    }

    private static void agrees(Random r, String literalChars, String valueChars) {
        int hits = 0;
        for (int round = 0; round < 300; round++) {
            List<String> lits = new ArrayList<>();
            for (int i = 0; i < 2 + r.nextInt(40); i++) {
                lits.add(LiteralOracle.random(r, literalChars, BlockSkipSearch.MIN_WINDOW + r.nextInt(6)).toLowerCase(Locale.ROOT));
            }
            assertThat(BlockSkipSearch.suits(lits)).isTrue();
            BlockSkipSearch search = new BlockSkipSearch(lits);
            for (int j = 0; j < 40; j++) {
                String v = value(r, lits, valueChars);
                StringBuilder perChar = new StringBuilder();
                for (int k = 0; k < v.length(); k++) {
                    perChar.append(Character.toLowerCase(v.charAt(k)));
                }
                TreeSet<Integer> inFolded = LiteralOracle.inFolded(lits, v);
                TreeSet<Integer> got = LiteralOracle.reported(search, v);
                hits += got.size();
                assertThat(got).as("%s in %s", lits, v).isEqualTo(LiteralOracle.in(lits, perChar)).containsAll(inFolded);
                if (v.chars().allMatch(c -> c < 256)) {
                    assertThat(got).isEqualTo(inFolded);
                }
            }
        }
        assertThat(hits).as("literals found at all").isGreaterThan(1000);
    }

    /** Random characters, whole literals in random case, and cut literals, in random order. */
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
