package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An automaton whose deep states are sparse records (edges and failure link) reports exactly what
 * {@code indexOf} finds in the folded value, whatever share of the states get full rows.
 */
class SparseStatesTest {

    private static final String ALPHABET = "abcdAB\\. -é\u212AİΣς";

    @Test
    void reportsTheLiteralsIndexOfFindsWithFewFullRows() {
        Random r = new Random(23);
        for (int round = 0; round < 300; round++) {
            List<String> lits = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(40); i++) {
                lits.add(random(r, 1 + r.nextInt(8)).toLowerCase(Locale.ROOT));
            }
            // A budget below one row still keeps the root's; the others cut the breadth-first order anywhere.
            int budget = r.nextInt(4) == 0 ? 0 : r.nextInt(400);
            LiteralAutomaton a = new LiteralAutomaton(lits, budget);
            for (int j = 0; j < 30; j++) {
                String v = random(r, r.nextInt(40));
                assertThat(LiteralOracle.reported(a, v)).as("%s in %s, budget %d", lits, v, budget)
                        .isEqualTo(LiteralOracle.inFolded(lits, v));
            }
        }
    }

    private static String random(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
