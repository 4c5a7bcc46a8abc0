package dev.vigil.dialects.car;

import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Random and mutated pseudocode never escapes the parser as an exception: the only outcome is queries
 * or diagnostics. Fixed seed, bounded iterations.
 */
class CarParserFuzzTest {

    private static final String SEED = "processes = search Process:Create\n"
            + "target = filter processes where (\n  (exe=\"C:\\\\Windows\\\\System32\\\\net.exe\" AND command_line=\"*delete*\") OR\n"
            + "  command_line IN [\"a\", 'b'] OR NOT pid > 4 OR command_line match \"x+\" )\noutput target\n";
    private static final String ALPHABET = "()[]=!<>\"'\\*,:\n abcOR AND NOT IN match search filter where output =";

    @Test
    void mutatedInputsGiveOnlyDiagnostics() {
        Random r = new Random(7);
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder(SEED);
            int edits = 1 + r.nextInt(6);
            for (int k = 0; k < edits; k++) {
                int at = r.nextInt(sb.length() + 1);
                switch (r.nextInt(3)) {
                    case 0 -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                    case 1 -> {
                        if (at < sb.length()) {
                            sb.deleteCharAt(at);
                        }
                    }
                    default -> sb.insert(at, SEED, r.nextInt(SEED.length()), SEED.length());
                }
            }
            String code = sb.toString();
            assertThatCode(() -> new CarDialect().compile(new Implementation("f", "car", "", "", code,
                    new QuerySource("f", 1, 1, 0)), new Diagnostics())).as("input %d: %s", i, code)
                    .doesNotThrowAnyException();
        }
    }
}
