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

    private static final String[] FIELDS = {"Image", "CommandLine", "User", "ParentImage", "Missing"};
    private static final String[] WORDS = {"net", "NET", "share", "/delete", "\\", "*", "?", "a", "İ", "ı", "Σ", "σ",
            "ς", "K", "\u212a", "cmd.exe", "C:\\Windows\\", "", "\ud801\udc00", "\ud801\udc28", "Net.EXE", "ab", "b"};
    private static final String[] REGEXES = {"n.t", "(?:cmd|net)\\.exe", "net\\.exe", "c(md)?\\.exe", "a{2}b",
        "\\x41b", "(?i)share", "sh+are", "ne?t", "[a-c]md\\.", "^net", "exe$", "\\pLnet", "\\Qnet.\\E", "cmd|net",
        "\u03a3\u03c3", "ab", "(net|cmd)\\.", "(?:share|delete) ", "(NET|c)a", "(a|b)?net", "x(net|)"};
    private static final EventClass[] CLASSES = {
        new EventClass("windows", "process_creation", "sysmon"),
        new EventClass("windows", "process_creation", "security"),
        new EventClass("windows", null, "system"),
        EventClass.UNKNOWN};

    @Test
    void optimisedAndUnoptimisedRuleSetsGiveTheReferenceHitsInOrder() {
        long seed = 20261123L;
        Random r = new Random(seed);
        for (int round = 0; round < 40; round++) {
            List<Query> queries = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                queries.add(new Query("q" + i, scope(r), expr(r, 3)));
            }
            CompiledRuleSet fast = build(queries, Optimisations.all());
            CompiledRuleSet plain = build(queries, Optimisations.none());
            for (int j = 0; j < 200; j++) {
                CanonicalEvent ev = event(r);
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
        return EventScope.of(CLASSES[r.nextInt(CLASSES.length - 1)]);
    }

    private static Expr expr(Random r, int depth) {
        int k = depth == 0 ? 3 + r.nextInt(4) : r.nextInt(7);
        switch (k) {
            case 0:
            case 1: {
                List<Expr> terms = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    terms.add(expr(r, depth - 1));
                }
                return k == 0 ? new Expr.And(terms) : new Expr.Or(terms);
            }
            case 2:
                return new Expr.Not(expr(r, depth - 1));
            case 3:
                return r.nextInt(10) == 0 ? new Expr.Exists(field(r), null)
                        : new Expr.Match(r.nextInt(15) == 0 ? "*" : field(r), StringOp.REGEX,
                                REGEXES[r.nextInt(REGEXES.length)], r.nextBoolean(), null);
            case 4:
                return new Expr.Const(r.nextInt(3) > 0, "", null);
            default:
                StringOp op = StringOp.values()[r.nextInt(StringOp.values().length - 1)];
                return new Expr.Match(field(r), op, word(r) + (r.nextBoolean() ? word(r) : ""), r.nextBoolean(), null);
        }
    }

    private static CanonicalEvent event(Random r) {
        CanonicalEvent e = new CanonicalEvent(new Origin("test", 1, 0));
        e.eventClass(CLASSES[r.nextInt(CLASSES.length)]);
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
