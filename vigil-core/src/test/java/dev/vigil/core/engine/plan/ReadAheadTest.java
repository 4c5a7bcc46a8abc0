package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An automaton that reads ahead from its root to the next pair of characters beginning a literal reports
 * exactly what {@code indexOf} finds in the folded value: overlapping literals, literals that begin inside
 * another's occurrence, values with characters beyond Latin-1 anywhere.
 */
class ReadAheadTest {

    private static final String ALPHABET = "abcAB\\. -é\u212AİΣ";

    @Test
    void reportsTheLiteralsIndexOfFinds() {
        Random r = new Random(31);
        for (int round = 0; round < 400; round++) {
            List<String> lits = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(10); i++) {
                lits.add(LiteralOracle.random(r, ALPHABET, 2 + r.nextInt(4)).toLowerCase(Locale.ROOT));
            }
            LiteralAutomaton a = new LiteralAutomaton(lits, LiteralAutomaton.DENSE_BUDGET, 1 << 16);
            for (int j = 0; j < 30; j++) {
                String v = LiteralOracle.random(r, r.nextInt(3) == 0 ? ALPHABET : "abcAB\\. -", r.nextInt(40));
                assertThat(LiteralOracle.reported(a, v)).as("%s in %s", lits, v)
                        .isEqualTo(LiteralOracle.inFolded(lits, v));
            }
        }
    }

    @Test
    void keepsTheTableForLiteralsOfOneCharacter() {
        List<String> lits = List.of("a", "bc");
        LiteralAutomaton a = new LiteralAutomaton(lits, LiteralAutomaton.DENSE_BUDGET, 1 << 16);
        assertThat(LiteralOracle.reported(a, "xxAxbC")).containsExactly(0, 1);
        assertThat(a.readsAhead()).isFalse();
    }
}
