package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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
        SkipOracle.agrees(r, literalChars, valueChars, BlockSkipSearch.MIN_WINDOW, 40, BlockSkipSearch::suits,
                BlockSkipSearch::new);
    }
}
