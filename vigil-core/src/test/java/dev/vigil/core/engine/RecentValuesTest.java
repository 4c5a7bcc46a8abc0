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

/** Literals recalled for a value seen before are those its search found: the hits never change. */
class RecentValuesTest {

    private static final EventClass PROCESS = new EventClass("windows", "process_creation", "sysmon");
    private static final Optimisations NO_RECALL = new Optimisations(true, true, true, false);

    @Test
    void batchesOfRecurringEventsGiveTheHitsOfEventsMatchedWithoutRecall() {
        long seed = 20261125L;
        Random r = new Random(seed);
        for (int round = 0; round < 20; round++) {
            List<Query> queries = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                queries.add(new Query("q" + i, EventScope.ANY, RandomIr.expr(r, 3)));
            }
            CompiledRuleSet recalling = build(queries, Optimisations.all());
            CompiledRuleSet searching = build(queries, NO_RECALL);
            // A few events drawn again and again: each value recurs, in slices of any length.
            CanonicalEvent[] pool = new CanonicalEvent[6];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = RandomIr.event(r);
            }
            CanonicalEvent[] batch = new CanonicalEvent[CompiledRuleSet.SLICE * 3 + 7];
            for (int j = 0; j < batch.length; j++) {
                batch[j] = pool[r.nextInt(pool.length)];
            }
            assertThat(hits(recalling, batch)).as("seed %d round %d", seed, round).isEqualTo(hits(searching, batch));
        }
    }

    @Test
    void theFieldOfAnAutomatonRecallsAndOthersDoNot() {
        CompiledRuleSet set = build(List.of(new Query("q", EventScope.ANY, anyOf("CommandLine", words(12)))), Optimisations.all());
        assertThat(set.describePlan(PROCESS)).contains("search on CommandLine: 12 literals").contains("states");
        ClassPlan plan = set.plan(PROCESS);
        assertThat(plan.recentValues()[0]).isNotNull();
        CompiledRuleSet skipping = build(List.of(new Query("q", EventScope.ANY,
                new Expr.Match("CommandLine", StringOp.CONTAINS, "remove-smbshare", false, null))), Optimisations.all());
        assertThat(skipping.plan(PROCESS).recentValues()[0]).isNull();
        CompiledRuleSet off = build(List.of(new Query("q", EventScope.ANY, anyOf("CommandLine", words(12)))), NO_RECALL);
        assertThat(off.plan(PROCESS).recentValues()[0]).isNull();
    }

    @Test
    void valuesSharingASlotKeepTheirOwnLiterals() {
        // 64 characters: the hash reads every ninth from the end, not the second, where the two differ. A
        // spare literal would only make a candidate that evaluation turns down; a lost one loses a hit.
        String first = "xw0rd00" + "y".repeat(57);
        String second = "xw1rd10" + "y".repeat(57);
        assertThat(first).hasSize(64);
        assertThat(RecentValues.slot(first)).isEqualTo(RecentValues.slot(second));
        List<String> words = words(12);
        CompiledRuleSet set = build(List.of(
                new Query("zero", EventScope.ANY, new Expr.Match("CommandLine", StringOp.CONTAINS, words.get(0), false, null)),
                new Query("one", EventScope.ANY, new Expr.Match("CommandLine", StringOp.CONTAINS, words.get(1), false, null)),
                new Query("rest", EventScope.ANY, anyOf("CommandLine", words.subList(2, words.size())))), Optimisations.all());
        CanonicalEvent[] batch = {event(first), event(second), event(first), event(second), event(second), event(first)};
        assertThat(hits(set, batch)).containsExactly("0:zero", "1:one", "2:zero", "3:one", "4:one", "5:zero");
    }

    @Test
    void aValueWithMoreLiteralsThanASlotKeepsIsSearchedEachTime() {
        List<String> words = words(RecentValues.MAX_FOUND + 3);
        String last = words.get(words.size() - 1);
        // The value holds every word, the last found last: a slot keeping only the first few would lose it.
        CompiledRuleSet set = build(List.of(new Query("any", EventScope.ANY, anyOf("CommandLine", words)),
                new Query("last", EventScope.ANY, new Expr.Match("CommandLine", StringOp.CONTAINS, last, false, null))),
                Optimisations.all());
        String every = String.join(" ", words);
        CanonicalEvent[] batch = {event(every), event("none here"), event(every), event(every)};
        assertThat(hits(set, batch)).containsExactly("0:any", "0:last", "2:any", "2:last", "3:any", "3:last");
    }

    @Test
    void aTableRestsWhereValuesSeldomRecurAndTheHitsStay() {
        List<String> words = words(12);
        CompiledRuleSet set = build(List.of(new Query("q", EventScope.ANY, anyOf("CommandLine", words))), Optimisations.all());
        CompiledRuleSet searching = build(List.of(new Query("q", EventScope.ANY, anyOf("CommandLine", words))), NO_RECALL);
        // A window of values that never recur, then recurring ones: the table rests through some of them.
        CanonicalEvent[] batch = new CanonicalEvent[RecentValues.WINDOW * 3];
        for (int j = 0; j < batch.length; j++) {
            String word = words.get(j % words.size());
            batch[j] = event(j < RecentValues.WINDOW ? "run " + j + " " + word : j % 3 == 0 ? "none here" : "run " + word);
        }
        ClassPlan plan = set.plan(PROCESS);
        long holding = java.util.Arrays.stream(batch).filter(e -> !"none here".equals(e.get(dev.vigil.core.event.Field.of("CommandLine")))).count();
        assertThat(hits(set, batch)).isEqualTo(hits(searching, batch)).hasSize((int) holding);
        RecentValues table = new RecentValues();
        for (int j = 0; j < RecentValues.WINDOW; j++) {
            table.holds(0, "value " + j);
        }
        assertThat(table.resting()).isTrue();
        assertThat(plan.recentValues()[0].resting()).isFalse();
    }

    @Test
    void longValuesAreSearchedEachTime() {
        List<String> words = words(12);
        CompiledRuleSet set = build(List.of(new Query("q", EventScope.ANY, anyOf("CommandLine", words))), Optimisations.all());
        String script = "x".repeat(RecentValues.LONGEST) + words.get(3);
        CanonicalEvent[] batch = {event(script), event("none here"), event(script), event(script)};
        assertThat(hits(set, batch)).containsExactly("0:q", "2:q", "3:q");
    }

    /** Words of five characters, too short for a skip search: the field gets an automaton. */
    private static List<String> words(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("w" + i + "rd" + i);
        }
        return out;
    }

    private static Expr anyOf(String field, List<String> words) {
        List<Expr> any = new ArrayList<>();
        for (String w : words) {
            any.add(new Expr.Match(field, StringOp.CONTAINS, w, false, null));
        }
        return new Expr.Or(any);
    }

    private static CanonicalEvent event(String commandLine) {
        CanonicalEvent e = new CanonicalEvent(new Origin("test", 1, 0));
        e.eventClass(PROCESS);
        e.put("CommandLine", commandLine);
        return e;
    }

    private static List<String> hits(CompiledRuleSet set, CanonicalEvent[] batch) {
        List<String> out = new ArrayList<>();
        set.match(batch, 0, batch.length, h -> {
            for (int i = 0; i < batch.length; i++) {
                if (batch[i] == h.event()) {
                    out.add(i + ":" + h.query().query().label());
                    return;
                }
            }
        });
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
}
