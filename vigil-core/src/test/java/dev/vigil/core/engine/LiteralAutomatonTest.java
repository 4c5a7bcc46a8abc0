package dev.vigil.core.engine;

import dev.vigil.core.engine.plan.LiteralAutomaton;
import dev.vigil.core.engine.plan.LiteralOracle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The automaton reports exactly the literals that {@code indexOf} finds in the folded value. */
class LiteralAutomatonTest {

    @Test
    void reportsTheLiteralsIndexOfFinds() {
        agreesWithIndexOf(new Random(7), "abcAB\\.İıΣσς");
    }

    @Test
    void foldsLatin1LettersAndLookAlikesAsToLowerCaseDoes() {
        // Latin-1 letters fold through the column table; the Kelvin and Angstrom signs fold into Latin-1.
        agreesWithIndexOf(new Random(11), "aAkK\u212AÀàÅå\u212BÉéÿ\u00DFµ®İ-\u2013");
    }

    private static void agreesWithIndexOf(Random r, String alphabet) {
        for (int round = 0; round < 300; round++) {
            List<String> lits = new ArrayList<>();
            for (int i = 0; i < 1 + r.nextInt(12); i++) {
                lits.add(random(r, alphabet, 1 + r.nextInt(4)).toLowerCase(Locale.ROOT));
            }
            LiteralAutomaton a = new LiteralAutomaton(lits);
            for (int j = 0; j < 20; j++) {
                String v = random(r, alphabet, r.nextInt(20));
                assertThat(LiteralOracle.reported(a, v)).as("%s in %s", lits, v)
                        .isEqualTo(LiteralOracle.inFolded(lits, v));
            }
        }
    }

    private static String random(Random r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
