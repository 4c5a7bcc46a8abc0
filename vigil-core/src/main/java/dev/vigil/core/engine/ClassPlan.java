package dev.vigil.core.engine;

import dev.vigil.core.engine.plan.AffixTrie;
import dev.vigil.core.engine.plan.Anchor;
import dev.vigil.core.engine.plan.AnchoredLiteral;
import dev.vigil.core.engine.plan.LiteralSearch;
import dev.vigil.core.engine.plan.PairSkipSearch;
import dev.vigil.core.engine.plan.SecondaryClauses;
import dev.vigil.core.engine.plan.Witnesses.Witness;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan for events of one class: the queries in scope (in rule-set order), and the candidate index over
 * them: per field, one {@link LiteralSearch} fusing every witness literal on that field, or, when all of
 * them are anchored at its start or end or equal to it, tries walked from its ends ({@link AffixTrie}).
 * Matching searches each indexed field once per event (a slice of events of the class field by field),
 * counts for each query the witness clauses that a literal found satisfies, then evaluates only the
 * queries with every clause satisfied, and those without witnesses.
 */
final class ClassPlan {

    final int[] queries;
    final boolean[] always;
    /** Positions of the queries without witnesses, ascending. */
    final int[] alwaysList;
    /** Per query (position in {@link #queries}): how many clauses must be satisfied. */
    final int[] clauseCount;
    /** Per clause id: the position of its query in {@link #queries}. */
    final int[] clauseQuery;
    final Field[] fields;
    /** Per field: its search, or null where the field is probed for absence ({@link Anchor#ABSENT}). */
    final LiteralSearch[] automata;
    /** Later witness clauses of the queries that {@link SecondaryClauses} left out. */
    final int clausesLeftOut;
    /** Per query (position in {@link #queries}): the witness clauses this plan marks, or null (always evaluated). */
    final List<List<Set<Witness>>> kept;
    /** By field slot: the field has a scan of its own, which also holds the keyword literals. */
    private final boolean[] ownSearch;
    /** Per field: its search's {@link LiteralSearch#minLength}, 0 for an absence probe. */
    private final int[] minLengths;
    /** Per automaton, where its literal indices start in {@link #targetStart}. */
    final int[] literalBase;
    /**
     * For each witness literal {@code l}, what it satisfies, {@code targets[targetStart[l]..targetStart[l+1])}:
     * a clause id, or, for a query with one clause, its position complemented. One flat array: the targets of
     * the few literals an event holds are then read without a load of each literal's own array first, and a
     * one-clause query (a third of SigmaHQ's) is ready without its clause's stamp.
     */
    final int[] targetStart;
    final int[] targets;

    /**
     * @param built searches already built for other classes, keyed by their literal list: classes that
     *              share rules (Sysmon and Security process creation) share the automaton, built once
     */
    ClassPlan(int[] queries, List<List<Set<Witness>>> given, Map<List<?>, LiteralSearch> built) {
        this.queries = queries;
        this.always = new boolean[queries.length];
        this.clauseCount = new int[queries.length];
        List<List<Set<Witness>>> clauses = SecondaryClauses.affordable(given);
        this.kept = clauses;
        int left = 0;
        List<Integer> owners = new ArrayList<>();
        Map<Field, Map<AnchoredLiteral, List<Integer>>> byField = new LinkedHashMap<>();
        Map<Field, List<Integer>> absent = new LinkedHashMap<>();
        for (int i = 0; i < queries.length; i++) {
            List<Set<Witness>> c = clauses.get(i);
            if (c == null) {
                always[i] = true;
                continue;
            }
            left += given.get(i).size() - c.size();
            clauseCount[i] = c.size();
            for (Set<Witness> clause : c) {
                int id = owners.size();
                owners.add(i);
                for (Witness x : clause) {
                    if (x.anchor() == Anchor.ABSENT) {
                        absent.computeIfAbsent(x.field(), f -> new ArrayList<>()).add(id);
                    } else {
                        byField.computeIfAbsent(x.field(), f -> new LinkedHashMap<>())
                                .computeIfAbsent(x.anchored(), l -> new ArrayList<>()).add(id);
                    }
                }
            }
        }
        clausesLeftOut = left;
        clauseQuery = owners.stream().mapToInt(Integer::intValue).toArray();
        alwaysList = java.util.stream.IntStream.range(0, queries.length).filter(i -> always[i]).toArray();
        // Keyword literals (any field) join the search of every field that is scanned anyway, so its values
        // are read once; the keyword search itself then scans every other field, including those whose own
        // literals are all anchored: their tries stay a walk of a few characters, and a keyword literal
        // added to them would turn that walk into a scan of the whole value.
        // A field whose own search skips through values (long literals only) keeps it too.
        Map<AnchoredLiteral, List<Integer>> keywords = byField.remove(Field.of(Field.ANY_NAME));
        Set<Field> scanned = new java.util.HashSet<>();
        byField.forEach((f, lits) -> {
            if (lits.keySet().stream().anyMatch(l -> l.anchor() == Anchor.ANYWHERE)
                    && (keywords == null || !LiteralSearch.skips(lits.keySet().stream().map(AnchoredLiteral::text).distinct().toList()))) {
                scanned.add(f);
            }
        });
        if (keywords != null) {
            for (Field f : scanned) {
                keywords.forEach((lit, ids) -> byField.get(f).merge(lit, ids, ClassPlan::union));
            }
            byField.put(Field.of(Field.ANY_NAME), keywords);
        }
        // Absence probes come after the searches: a field of its own in the loop, with no search (null).
        List<Field> all = new ArrayList<>(byField.keySet());
        all.addAll(absent.keySet());
        fields = all.toArray(new Field[0]);
        int maxSlot = 0;
        for (Field f : fields) {
            maxSlot = Math.max(maxSlot, f.slot());
        }
        ownSearch = new boolean[maxSlot + 1];
        for (Field f : scanned) {
            ownSearch[f.slot()] = true;
        }
        automata = new LiteralSearch[fields.length];
        literalBase = new int[fields.length];
        List<int[]> lc = new ArrayList<>();
        List<java.util.function.Supplier<LiteralSearch>> builds = new ArrayList<>(fields.length);
        int searched = byField.size();
        for (int f = searched; f < fields.length; f++) {
            literalBase[f] = lc.size();
            lc.add(distinct(absent.get(fields[f])));
        }
        for (int f = 0; f < searched; f++) {
            Map<AnchoredLiteral, List<Integer>> lits = byField.get(fields[f]);
            boolean anchored = lits.keySet().stream().noneMatch(l -> l.anchor() == Anchor.ANYWHERE);
            if (!anchored) {
                // A field scanned through anyway takes its anchored literals into the scan (an anchored
                // literal occurs in the value too): walking the value's ends on top would only add work.
                Map<AnchoredLiteral, List<Integer>> flat = new LinkedHashMap<>();
                lits.forEach((l, ids) -> flat.merge(new AnchoredLiteral(l.text(), Anchor.ANYWHERE), ids, ClassPlan::union));
                lits = flat;
            }
            List<AnchoredLiteral> keys = List.copyOf(lits.keySet());
            List<String> texts = keys.stream().map(AnchoredLiteral::text).toList();
            builds.add(anchored ? () -> built.computeIfAbsent(keys, k -> new AffixTrie(keys))
                    : () -> built.computeIfAbsent(texts, k -> LiteralSearch.of(texts)));
            literalBase[f] = lc.size();
            for (List<Integer> ids : lits.values()) {
                lc.add(distinct(ids));
            }
        }
        targetStart = new int[lc.size() + 1];
        int total = 0;
        for (int l = 0; l < lc.size(); l++) {
            targetStart[l] = total;
            total += lc.get(l).length;
        }
        targetStart[lc.size()] = total;
        targets = new int[total];
        for (int l = 0; l < lc.size(); l++) {
            int at = targetStart[l];
            for (int c : lc.get(l)) {
                int q = clauseQuery[c];
                targets[at++] = clauseCount[q] == 1 ? ~q : c;
            }
        }
        // Built in parallel: a plan is built on the first event of its class, by a worker that other
        // workers meeting the same class wait for (the SigmaHQ plans of the 34 corpus classes take about a
        // second together on one core, the process-creation one 0.4 s).
        java.util.stream.IntStream.range(0, searched).parallel().forEach(f -> automata[f] = builds.get(f).get());
        minLengths = new int[fields.length];
        for (int f = 0; f < searched; f++) {
            minLengths[f] = automata[f].minLength();
        }
    }

    /**
     * The ids in first-seen order without repeats. A plan has one list per literal (over ten thousand for
     * SigmaHQ's process creation), of a few ids each: a stream with {@code distinct} per list was a tenth
     * of the plan's build, which a hunt waits for on the class's first event.
     */
    private static int[] distinct(List<Integer> ids) {
        if (ids.size() > 32) {
            // A literal many clauses share (an absence probe, a common image name): no quadratic scan.
            return new java.util.LinkedHashSet<>(ids).stream().mapToInt(Integer::intValue).toArray();
        }
        int[] out = new int[ids.size()];
        int n = 0;
        for (int id : ids) {
            int k = 0;
            while (k < n && out[k] != id) {
                k++;
            }
            if (k == n) {
                out[n++] = id;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static List<Integer> union(List<Integer> a, List<Integer> b) {
        List<Integer> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * Finds the candidates of {@code count} events of this plan's class, {@code batch[members[0..count)]}:
     * searches each field over all of them, then, event by event, counts for every query the clauses the
     * event's literals satisfy and keeps the queries to evaluate in {@code ctx}, by the event's position in
     * the slice that starts at {@code offset}.
     */
    void mark(MatchContext ctx, Event[] batch, int[] members, int count, int offset) {
        ctx.ensure(queries.length, literalCount(), clauseQuery.length);
        if (count == 1) {
            markOne(ctx, batch[members[0]], members[0] - offset);
            return;
        }
        ctx.touched = touch(batch, members, count);
        Sightings seen = ctx.sightings;
        seen.start(count, literalCount());
        for (int f = 0; f < fields.length; f++) {
            seen.base = literalBase[f];
            for (int k = 0; k < count; k++) {
                seen.event(k);
                scanField(batch[members[k]], f, seen);
            }
        }
        seen.group(count);
        for (int k = 0; k < count; k++) {
            int generation = ctx.nextGeneration();
            ctx.readyCount = 0;
            for (int i = seen.from(k); i < seen.to(k); i++) {
                satisfy(ctx, seen.literal(i), generation);
            }
            ctx.keepReady(members[k] - offset, candidates(ctx), queries);
        }
    }

    /**
     * Reads the length of every value the searches will read, for all the slice's events at once, and
     * returns their sum (kept, so the reads stay). Values of events decoded a while ago are out of the
     * caches; read here, one after the other and none depending on another, their misses overlap, where
     * each search would otherwise wait for its value before starting.
     */
    private int touch(Event[] batch, int[] members, int count) {
        int sum = 0;
        for (int k = 0; k < count; k++) {
            Event e = batch[members[k]];
            for (Field f : fields) {
                if (!f.isAny() && e.get(f) instanceof String s) {
                    sum += s.length();
                }
            }
        }
        return sum;
    }

    /**
     * One event alone (a stream matched an event at a time, or the last of a reader's events): literals
     * count towards their clauses as they are found, with nothing collected to group.
     */
    private void markOne(MatchContext ctx, Event e, int position) {
        Direct direct = ctx.direct;
        direct.plan = this;
        direct.ctx = ctx;
        direct.generation = ctx.nextGeneration();
        ctx.readyCount = 0;
        for (int f = 0; f < fields.length; f++) {
            direct.base = literalBase[f];
            scanField(e, f, direct);
        }
        ctx.keepReady(position, candidates(ctx), queries);
    }

    /**
     * Runs the search of field {@code f} (position in {@link #fields}) over the event's values for it, or,
     * for an absence probe, reports its one literal when the event has no value for the field.
     */
    private void scanField(Event e, int f, LiteralSearch.Sink sink) {
        LiteralSearch search = automata[f];
        if (search == null) {
            if (e.get(fields[f]) == null) {
                sink.found(0);
            }
        } else if (!fields[f].isAny()) {
            scan(e.get(fields[f]), search, sink, minLengths[f]);
        } else if (e instanceof CanonicalEvent ce) {
            if (search instanceof PairSkipSearch pairs) {
                scanEvery(ce, pairs, sink);
            } else {
                scanEvery(ce, search, sink);
            }
        } else {
            for (Field x : e.fields()) {
                if (!scannedApart(x)) {
                    scan(e.get(x), search, sink, minLengths[f]);
                }
            }
        }
    }

    /**
     * Keyword searches: every value of every field (indexed, to avoid building the field list), but echoes,
     * whose every literal is in the value they were cut from, searched here or apart. A Sysmon process
     * creation has some thirty values: the pair skip search that SigmaHQ's keywords take is called on each
     * directly, not through {@link LiteralSearch#scan}'s tests of the search's class.
     */
    private void scanEvery(CanonicalEvent ce, PairSkipSearch search, LiteralSearch.Sink sink) {
        int min = search.minLength();
        for (int i = 0, n = ce.size(); i < n; i++) {
            Object v = ce.valueAt(i);
            // Most values are short strings (ids, numbers, flags): their length rules them out first.
            if (v instanceof String s && s.length() < min || ce.echoAt(i) || scannedApart(ce.fieldAt(i))) {
                continue;
            }
            if (v instanceof String s) {
                search.scan(s, sink);
            } else {
                scan(v, search, sink, min);
            }
        }
    }

    private void scanEvery(CanonicalEvent ce, LiteralSearch search, LiteralSearch.Sink sink) {
        int min = search.minLength();
        for (int i = 0, n = ce.size(); i < n; i++) {
            if (!ce.echoAt(i) && !scannedApart(ce.fieldAt(i))) {
                scan(ce.valueAt(i), search, sink, min);
            }
        }
    }

    /** Counts the clauses literal {@code l} satisfies, once per event; queries with all of theirs become ready. */
    private void satisfy(MatchContext ctx, int l, int generation) {
        int[] seenLiterals = ctx.literals;
        if (seenLiterals[l] == generation) {
            return;
        }
        seenLiterals[l] = generation;
        int[] clauseSeen = ctx.clauses;
        int[] stamp = ctx.candidates;
        int[] satisfied = ctx.satisfied;
        int[] t = targets;
        for (int i = targetStart[l], end = targetStart[l + 1]; i < end; i++) {
            int c = t[i];
            if (c < 0) {
                int q = ~c;
                if (stamp[q] != generation) {
                    stamp[q] = generation;
                    ctx.ready[ctx.readyCount++] = q;
                }
                continue;
            }
            if (clauseSeen[c] == generation) {
                continue;
            }
            clauseSeen[c] = generation;
            int q = clauseQuery[c];
            if (stamp[q] != generation) {
                stamp[q] = generation;
                satisfied[q] = 0;
            }
            if (++satisfied[q] == clauseCount[q]) {
                ctx.ready[ctx.readyCount++] = q;
            }
        }
    }

    private boolean scannedApart(Field f) {
        return f.slot() < ownSearch.length && ownSearch[f.slot()];
    }

    private static void scan(Object v, LiteralSearch a, LiteralSearch.Sink m, int min) {
        if (v instanceof String s) {
            if (s.length() >= min) {
                LiteralSearch.scan(a, s, m);
            }
        } else if (v instanceof String[] values) {
            for (String s : values) {
                if (s != null && s.length() >= min) {
                    LiteralSearch.scan(a, s, m);
                }
            }
        }
    }

    /**
     * The positions to evaluate for the event just marked, ascending (rule-set order), in {@code ctx.ready}:
     * the queries whose clauses are all satisfied merged with the queries without witnesses.
     * @return how many
     */
    int candidates(MatchContext ctx) {
        int n = ctx.readyCount;
        int[] ready = ctx.ready;
        java.util.Arrays.sort(ready, 0, n);
        if (alwaysList.length == 0) {
            return n;
        }
        int[] merged = ctx.merged;
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < n || j < alwaysList.length) {
            if (j == alwaysList.length || (i < n && ready[i] < alwaysList[j])) {
                merged[k++] = ready[i++];
            } else {
                merged[k++] = alwaysList[j++];
            }
        }
        System.arraycopy(merged, 0, ready, 0, k);
        return k;
    }

    int literalCount() {
        return targetStart.length - 1;
    }

    /** Turns the literals of a single event into clause counts as they are found; one per thread. */
    static final class Direct implements LiteralSearch.Sink {
        ClassPlan plan;
        MatchContext ctx;
        int base;
        int generation;

        @Override
        public void found(int literal) {
            plan.satisfy(ctx, base + literal, generation);
        }
    }
}
