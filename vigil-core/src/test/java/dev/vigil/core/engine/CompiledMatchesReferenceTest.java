package dev.vigil.core.engine;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Origin;
import dev.vigil.core.ir.CompareOp;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: for random expressions and random events (fixed seed, so failures reproduce), the compiled,
 * optimised matcher and the naive reference interpreter give the same verdict.
 */
class CompiledMatchesReferenceTest {

    private static final String[] FIELDS = {"Image", "CommandLine", "User", "ProcessId", "DestinationIp", "Missing"};
    private static final String[] WORDS = {"net", "NET", "share", "/delete", "\\", "*", "?", "a", "İ", "10.1.2.3", "42",
            "0x2a", "Net.exe", "C:\\Windows\\", ""};

    @Test
    void compiledAndReferenceAgreeOnRandomInputs() {
        long seed = 20261122L;
        Random r = new Random(seed);
        Compiler compiler = new Compiler();
        for (int i = 0; i < 3000; i++) {
            Expr e = expr(r, 3);
            Matcher m = compiler.compile(e);
            for (int j = 0; j < 10; j++) {
                CanonicalEvent ev = event(r);
                assertThat(m.test(ev)).as("seed %d, case %d/%d: %s on %s", seed, i, j, e, ev)
                        .isEqualTo(ReferenceInterpreter.eval(e, ev));
            }
        }
    }

    private static Expr expr(Random r, int depth) {
        int k = depth == 0 ? 3 + r.nextInt(5) : r.nextInt(8);
        switch (k) {
            case 0:
            case 1: {
                List<Expr> terms = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    terms.add(expr(r, depth - 1));
                }
                return k == 0 ? new Expr.And(terms) : new Expr.Or(terms);
            }
            case 2:
                return new Expr.Not(expr(r, depth - 1));
            case 3:
                return new Expr.Exists(field(r), null);
            case 4:
                return new Expr.Compare(field(r), CompareOp.values()[r.nextInt(CompareOp.values().length)],
                        r.nextInt(60), null);
            case 5:
                return new Expr.Cidr(field(r), r.nextBoolean() ? "10.0.0.0/8" : "10.1.2.0/30", null);
            default:
                StringOp op = StringOp.values()[r.nextInt(StringOp.values().length - 1)]; // regex tested elsewhere
                return new Expr.Match(field(r), op, word(r) + (r.nextBoolean() ? word(r) : ""), r.nextBoolean(), null);
        }
    }

    private static CanonicalEvent event(Random r) {
        CanonicalEvent e = new CanonicalEvent(new Origin("test", 1, 0));
        for (String f : FIELDS) {
            int k = r.nextInt(4);
            if (k == 1) {
                e.put(f, word(r) + word(r) + word(r));
            } else if (k == 2) {
                e.put(f, new String[] {word(r), word(r) + word(r)});
            } else if (k == 3) {
                e.put(f, word(r));
            }
        }
        return e;
    }

    private static String field(Random r) {
        return FIELDS[r.nextInt(FIELDS.length)];
    }

    private static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }
}
