package dev.vigil.core.engine;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.event.Origin;
import dev.vigil.core.ir.Expr;
import dev.vigil.core.ir.StringOp;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A thread that matched batches with a rule set keeps none of its plans once the rule set is dropped. */
class RuleSetReleaseTest {

    private static final EventClass PROCESS = new EventClass("windows", "process_creation", null);

    @Test
    void aDroppedRuleSetsPlansAreCollectedAfterABatchThoughTheThreadLives() throws InterruptedException {
        WeakReference<ClassPlan> plan = matchOnceAndDrop();
        for (int i = 0; i < 50 && plan.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(plan.get()).isNull();
    }

    /** Matches a single event, then a batch, on this thread, then drops every reference to the rule set. */
    private static WeakReference<ClassPlan> matchOnceAndDrop() {
        Implementation impl = new Implementation("x", "test", "", "", "", null);
        Analytic a = new Analytic("a", "a", "", List.of(), List.of(), List.of(), null, List.of(), List.of(),
                List.of(impl), "test");
        Query q = new Query("q", EventScope.of(PROCESS),
                new Expr.Match("CommandLine", StringOp.CONTAINS, "net share", false, null));
        CompiledRuleSet set = CompiledRuleSet.builder().add(a, impl, q).build();
        CanonicalEvent ev = new CanonicalEvent(new Origin("f", 1, 1)).put("CommandLine", "net share x /delete");
        ev.eventClass(PROCESS);
        int[] hits = {0};
        set.match(ev, h -> hits[0]++);
        set.match(new CanonicalEvent[] {ev}, 0, 1, h -> hits[0]++);
        assertThat(hits[0]).isEqualTo(2);
        return new WeakReference<>(set.plan(PROCESS));
    }
}
