package dev.vigil.core.engine;

import dev.vigil.core.engine.plan.LiteralAutomaton;
import dev.vigil.core.engine.plan.Witnesses.Witness;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan for events of one class: the queries in scope (in rule-set order), and the candidate index over
 * them, one {@link LiteralAutomaton} per field fusing every witness literal on that field. Matching an
 * event scans each indexed field once, marks the queries whose witnesses occurred, then evaluates only
 * those and the queries without witnesses.
 */
final class ClassPlan {

    final int[] queries;
    final boolean[] always;
    final Field[] fields;
    final LiteralAutomaton[] automata;
    /** By field slot: the field has its own automaton (which also holds the keyword literals). */
    private final boolean[] ownAutomaton;
    /** Per automaton, where its literal indices start in {@link #literalQueries}. */
    final int[] literalBase;
    /** For each witness literal, the positions in {@link #queries} it makes candidates. */
    final int[][] literalQueries;

    /**
     * @param automata automata already built for other classes, keyed by their literal list: classes that
     *                 share rules (Sysmon and Security process creation) share the automaton, built once
     */
    ClassPlan(int[] queries, List<Set<Witness>> witnesses, Map<List<String>, LiteralAutomaton> built) {
        this.queries = queries;
        this.always = new boolean[queries.length];
        Map<Field, Map<String, List<Integer>>> byField = new LinkedHashMap<>();
        for (int i = 0; i < queries.length; i++) {
            Set<Witness> w = witnesses.get(i);
            if (w == null) {
                always[i] = true;
                continue;
            }
            for (Witness x : w) {
                byField.computeIfAbsent(x.field(), f -> new LinkedHashMap<>())
                        .computeIfAbsent(x.literal(), l -> new ArrayList<>()).add(i);
            }
        }
        // Keyword literals (any field) join every field's own automaton, so each value is scanned once; the
        // keyword automaton itself then only scans the fields that have no automaton of their own.
        Map<String, List<Integer>> keywords = byField.remove(Field.of(Field.ANY_NAME));
        if (keywords != null) {
            for (Map<String, List<Integer>> own : byField.values()) {
                keywords.forEach((lit, qs) -> own.merge(lit, qs, ClassPlan::union));
            }
            byField.put(Field.of(Field.ANY_NAME), keywords);
        }
        fields = byField.keySet().toArray(new Field[0]);
        int maxSlot = 0;
        for (Field f : fields) {
            maxSlot = Math.max(maxSlot, f.slot());
        }
        ownAutomaton = new boolean[maxSlot + 1];
        for (Field f : fields) {
            ownAutomaton[f.slot()] = !f.isAny();
        }
        automata = new LiteralAutomaton[fields.length];
        literalBase = new int[fields.length];
        List<int[]> lq = new ArrayList<>();
        for (int f = 0; f < fields.length; f++) {
            Map<String, List<Integer>> lits = byField.get(fields[f]);
            automata[f] = built.computeIfAbsent(List.copyOf(lits.keySet()), LiteralAutomaton::new);
            literalBase[f] = lq.size();
            for (List<Integer> qs : lits.values()) {
                lq.add(qs.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        literalQueries = lq.toArray(new int[0][]);
    }

    private static List<Integer> union(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Marks in {@code ctx} every query of this plan whose witnesses occur in the event. */
    void markCandidates(MatchContext ctx) {
        ctx.ensure(queries.length, literalQueries.length);
        Marker m = ctx.marker;
        m.plan = this;
        m.ctx = ctx;
        m.generation = ctx.generation();
        for (int f = 0; f < fields.length; f++) {
            m.base = literalBase[f];
            if (!fields[f].isAny()) {
                scan(ctx.get(fields[f]), automata[f], m);
            } else if (ctx.event() instanceof CanonicalEvent ce) {
                // Keyword searches: every value of every field (indexed, to avoid building the field list).
                for (int i = 0; i < ce.size(); i++) {
                    Field x = ce.fieldAt(i);
                    if (!hasOwn(x)) {
                        scan(ce.get(x), automata[f], m);
                    }
                }
            } else {
                for (Field x : ctx.event().fields()) {
                    if (!hasOwn(x)) {
                        scan(ctx.get(x), automata[f], m);
                    }
                }
            }
        }
    }

    private boolean hasOwn(Field f) {
        return f.slot() < ownAutomaton.length && ownAutomaton[f.slot()];
    }

    private static void scan(Object v, LiteralAutomaton a, Marker m) {
        if (v instanceof String s) {
            a.scan(s, m);
        } else if (v instanceof String[] values) {
            for (String s : values) {
                if (s != null) {
                    a.scan(s, m);
                }
            }
        }
    }

    boolean candidate(MatchContext ctx, int i) {
        return always[i] || ctx.candidates[i] == ctx.generation();
    }

    int literalCount() {
        return literalQueries.length;
    }

    /** Turns automaton reports into candidate marks; one per thread, held by its {@link MatchContext}. */
    static final class Marker implements LiteralAutomaton.Sink {
        ClassPlan plan;
        MatchContext ctx;
        int base;
        int generation;

        @Override
        public void found(int literal) {
            int l = base + literal;
            int[] seen = ctx.literals;
            if (seen[l] == generation) {
                return;
            }
            seen[l] = generation;
            int[] cand = ctx.candidates;
            for (int q : plan.literalQueries[l]) {
                cand[q] = generation;
            }
        }
    }
}
