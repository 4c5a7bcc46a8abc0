package dev.vigil.core.engine;

import dev.vigil.core.engine.plan.Witnesses;
import dev.vigil.core.engine.plan.Witnesses.Witness;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Witness clauses are necessary conditions: wherever a query holds, each of its clauses has a literal that
 * occurs where its anchor says. Glob pieces and the clauses of an OR's children each give clauses of their own.
 */
class WitnessClausesTest {

    @Test
    void everyClauseHoldsWhereTheQueryHolds() {
        Random r = new Random(20261123L);
        Compiler compiler = new Compiler();
        int held = 0;
        for (int round = 0; round < 3000; round++) {
            Expr e = compiler.optimise(RandomIr.expr(r, 3));
            List<Set<Witness>> clauses = Witnesses.clauses(e);
            if (clauses == null) {
                continue;
            }
            for (int j = 0; j < 30; j++) {
                CanonicalEvent ev = RandomIr.event(r);
                if (!ReferenceInterpreter.eval(e, ev)) {
                    continue;
                }
                held++;
                for (Set<Witness> clause : clauses) {
                    assertThat(clause.stream().anyMatch(w -> holds(w, ev))).as("%s on %s: %s", e, ev, clause).isTrue();
                }
            }
        }
        assertThat(held).as("queries that held").isGreaterThan(1000);
    }

    @Test
    void aGlobNeedsEachOfItsPieces() {
        Expr glob = new Expr.Match("CommandLine", StringOp.GLOB, "*ipconfig*|*find*", false, null);
        assertThat(Witnesses.clauses(glob).toString())
                .isEqualTo("[[CommandLine~\"ipconfig\"], [CommandLine~\"find\"], [CommandLine~\"|\"]]");
    }

    @Test
    void anOrTakesOneClauseOfEachChildAtATime() {
        Expr a = new Expr.And(List.of(contains("Image", "\\windows\\"), contains("CommandLine", "\\..\\windows\\")));
        Expr b = contains("CommandLine", ".exe\\..\\");
        assertThat(Witnesses.clauses(new Expr.Or(List.of(a, b))).toString())
                .isEqualTo("[[CommandLine~\"\\..\\windows\\\", CommandLine~\".exe\\..\\\"], [Image~\"\\windows\\\", CommandLine~\".exe\\..\\\"]]");
    }

    @Test
    void clausesComeLongestShortestLiteralFirstTiesInTheOrderWritten() {
        Expr and = new Expr.And(List.of(contains("A", "abcdefgh"), contains("B", "xy"), contains("C", "pqrstuvw"),
                new Expr.Match("EventID", StringOp.EQUALS, "4688", false, null), contains("D", "mnopqrst")));
        assertThat(Witnesses.clauses(and).toString())
                .isEqualTo("[[A~\"abcdefgh\"], [C~\"pqrstuvw\"], [D~\"mnopqrst\"], [B~\"xy\"]]");
    }

    @Test
    void amongEquallyLongLiteralsTheClauseWithFewerComesFirst() {
        Expr wide = new Expr.Or(List.of(contains("A", "abcdef"), contains("A", "ghijkl")));
        Expr narrow = contains("B", "mnopqr");
        assertThat(Witnesses.clauses(new Expr.And(List.of(wide, narrow))).toString())
                .isEqualTo("[[B~\"mnopqr\"], [A~\"abcdef\", A~\"ghijkl\"]]");
    }

    @Test
    void aTestThatAFieldIsAbsentIsAWitnessOfLastResort() {
        Expr absent = new Expr.Not(new Expr.Exists("OriginalFileName", null));
        Expr and = new Expr.And(List.of(absent, contains("CommandLine", "share")));
        assertThat(Witnesses.clauses(and).toString()).isEqualTo("[[CommandLine~\"share\"], [!OriginalFileName]]");
        assertThat(Witnesses.clauses(new Expr.Or(List.of(absent, contains("CommandLine", "share")))).toString())
                .isEqualTo("[[!OriginalFileName, CommandLine~\"share\"]]");
    }

    private static Expr contains(String field, String text) {
        return new Expr.Match(field, StringOp.CONTAINS, text, false, null);
    }

    private static boolean holds(Witness w, CanonicalEvent ev) {
        if (!w.field().isAny()) {
            return w.holdsIn(ev.get(w.field()));
        }
        for (int i = 0; i < ev.size(); i++) {
            if (w.holdsIn(ev.valueAt(i))) {
                return true;
            }
        }
        return false;
    }
}
