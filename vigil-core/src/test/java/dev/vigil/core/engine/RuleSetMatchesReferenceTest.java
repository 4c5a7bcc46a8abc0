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

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: a whole rule set of random queries (random scopes, random literal-heavy conditions) gives, on
 * random events, exactly the hits the reference interpreter gives, in the same order, with every
 * optimisation on and with none. Fixed seed, so a failure reproduces.
 */
class RuleSetMatchesReferenceTest {

    @Test
    void optimisedAndUnoptimisedRuleSetsGiveTheReferenceHitsInOrder() {
        long seed = 20261123L;
        Random r = new Random(seed);
        for (int round = 0; round < 40; round++) {
            List<Query> queries = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                queries.add(new Query("q" + i, scope(r), RandomIr.expr(r, 3)));
            }
            CompiledRuleSet fast = build(queries, Optimisations.all());
            CompiledRuleSet plain = build(queries, Optimisations.none());
            for (int j = 0; j < 200; j++) {
                CanonicalEvent ev = RandomIr.event(r);
                List<String> want = new ArrayList<>();
                for (Query q : queries) {
                    if (q.scope().contains(ev.eventClass()) && ReferenceInterpreter.eval(q.filter(), ev)) {
                        want.add(q.label());
                    }
                }
                assertThat(hits(fast, ev)).as("seed %d round %d event %s", seed, round, ev).isEqualTo(want);
                assertThat(hits(plain, ev)).as("seed %d round %d event %s", seed, round, ev).isEqualTo(want);
            }
        }
    }

    @Test
    void batchesOfMixedClassesGiveTheHitsOfOneEventAtATimeInOrder() {
        long seed = 20261124L;
        Random r = new Random(seed);
        for (int round = 0; round < 20; round++) {
            List<Query> queries = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                queries.add(new Query("q" + i, scope(r), RandomIr.expr(r, 3)));
            }
            CompiledRuleSet fast = build(queries, Optimisations.all());
            // Sizes around the slice length, and a single event.
            int size = new int[] {1, 2, CompiledRuleSet.SLICE - 1, CompiledRuleSet.SLICE, CompiledRuleSet.SLICE * 2 + 3}[round % 5];
            CanonicalEvent[] batch = new CanonicalEvent[size + 5];
            List<String> want = new ArrayList<>();
            for (int j = 0; j < size; j++) {
                batch[j] = RandomIr.event(r);
                for (String h : hits(fast, batch[j])) {
                    want.add(j + ":" + h);
                }
            }
            // Entries past the count are not events of the batch.
            batch[size] = RandomIr.event(r);
            List<String> got = new ArrayList<>();
            fast.match(batch, 0, size, h -> got.add(indexOf(batch, h.event()) + ":" + h.query().query().label()));
            assertThat(got).as("seed %d round %d", seed, round).isEqualTo(want);
        }
    }

    @Test
    void aQueryOnAnAbsentFieldIsMarkedFromTheEventsSlot() {
        Expr absentOrWord = new Expr.Or(List.of(new Expr.Not(new Expr.Exists("OriginalFileName", null)),
                new Expr.Match("CommandLine", StringOp.CONTAINS, "share", false, null)));
        CompiledRuleSet set = build(List.of(new Query("q", EventScope.ANY, absentOrWord)), Optimisations.all());
        EventClass c = new EventClass("windows", "process_creation", "sysmon");
        assertThat(set.describePlan(c)).contains("absence of OriginalFileName").contains("0 without witnesses");
        CanonicalEvent lacking = event(c, "CommandLine", "net use");
        CanonicalEvent carrying = event(c, "CommandLine", "net use", "OriginalFileName", "net.exe");
        CanonicalEvent sharing = event(c, "CommandLine", "net SHARE", "OriginalFileName", "net.exe");
        assertThat(hits(set, lacking)).containsExactly("q");
        assertThat(hits(set, carrying)).isEmpty();
        assertThat(hits(set, sharing)).containsExactly("q");
        List<Integer> batched = new ArrayList<>();
        CanonicalEvent[] batch = {carrying, lacking, sharing, carrying};
        set.match(batch, 0, batch.length, h -> batched.add(indexOf(batch, h.event())));
        assertThat(batched).containsExactly(1, 2);
    }

    @Test
    void aPlanLeavesOutALaterClauseThatWouldSlowItsSearchAndStillFindsTheHit() {
        Expr both = new Expr.And(List.of(new Expr.Match("CommandLine", StringOp.CONTAINS, "remove-smbshare", false, null),
                new Expr.Match("CommandLine", StringOp.CONTAINS, "delete", false, null)));
        CompiledRuleSet set = build(List.of(new Query("q", EventScope.ANY, both)), Optimisations.all());
        EventClass c = new EventClass("windows", "process_creation", "sysmon");
        assertThat(set.witnesses(0)).hasSize(2);
        assertThat(set.witnesses(0, c)).containsExactly(set.witnesses(0).get(0));
        assertThat(set.describePlan(c)).contains("1 later witness clauses left out").contains("search on CommandLine: 1 literals");
        assertThat(hits(set, event(c, "CommandLine", "powershell Remove-SmbShare -Name x; delete"))).containsExactly("q");
        assertThat(hits(set, event(c, "CommandLine", "powershell Remove-SmbShare -Name x"))).isEmpty();
    }

    private static CanonicalEvent event(EventClass c, String... fieldsAndValues) {
        CanonicalEvent e = new CanonicalEvent(new Origin("test", 1, 0));
        e.eventClass(c);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            e.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return e;
    }

    private static int indexOf(Object[] a, Object x) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> hits(CompiledRuleSet set, CanonicalEvent ev) {
        List<String> out = new ArrayList<>();
        set.match(ev, h -> out.add(h.query().query().label()));
        return out;
    }

    private static CompiledRuleSet build(List<Query> queries, Optimisations o) {
        Implementation impl = new Implementation("x", "test", "", "", "", null);
        Analytic a = new Analytic("a", "a", "", List.of(), List.of(), List.of(), null, List.of(), List.of(),
                List.of(impl), "test");
        CompiledRuleSet.Builder b = CompiledRuleSet.builder().optimisations(o);
        for (Query q : queries) {
            b.add(a, impl, q);
        }
        return b.build();
    }

    private static EventScope scope(Random r) {
        int k = r.nextInt(4);
        if (k == 0) {
            return EventScope.ANY;
        }
        if (k == 1) {
            return EventScope.of(new EventClass("windows", "process_creation", null));
        }
        return EventScope.of(RandomIr.CLASSES[r.nextInt(RandomIr.CLASSES.length - 1)]);
    }
}
