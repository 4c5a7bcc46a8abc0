package dev.vigil.core.engine;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.ir.Expr;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random expressions and random events (fixed seed, so failures reproduce), the compiled,
 * optimised matcher and the naive reference interpreter give the same verdict.
 */
class CompiledMatchesReferenceTest {

    @Test
    void compiledAndReferenceAgreeOnRandomInputs() {
        long seed = 20261122L;
        Random r = new Random(seed);
        Compiler compiler = new Compiler();
        for (int i = 0; i < 3000; i++) {
            Expr e = RandomIr.expr(r, 3);
            Matcher m = compiler.compile(e);
            for (int j = 0; j < 10; j++) {
                CanonicalEvent ev = RandomIr.event(r);
                assertThat(m.test(ev)).as("seed %d, case %d/%d: %s on %s", seed, i, j, e, ev)
                        .isEqualTo(ReferenceInterpreter.eval(e, ev));
            }
        }
    }
}
