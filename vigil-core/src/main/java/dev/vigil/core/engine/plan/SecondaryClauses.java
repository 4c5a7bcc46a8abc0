package dev.vigil.core.engine.plan;

import dev.vigil.core.engine.plan.Witnesses.Witness;
import dev.vigil.core.event.Field;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses which of the queries' later witness clauses a class plan keeps. A query's first clause is its
 * best guess and is always searched for; a later one only prunes candidates, so it is worth its search
 * only when the search costs next to nothing: when its literals join searches the first clauses need
 * anyway without changing how those read a value. These changes are not free, and a clause needing one
 * is left out:
 * <ul>
 *   <li>a field no first clause searches (a search of its own);</li>
 *   <li>a literal anywhere in a field whose first-clause literals are all anchored (the walk of a few
 *       characters from an end becomes a scan of the value);</li>
 *   <li>a literal that, added to the first clauses' literals of a field whose search skips through its
 *       values, would make it read every character ({@link LiteralSearch#skips}, the test plans build by).
 *       A literal shorter than theirs also shrinks the skip: it is left out too.</li>
 *   <li>a literal that would change a field's {@link RareCharacterSearch} into another search, or make it
 *       look for a character it did not;</li>
 *   <li>a literal whose first two characters begin no first-clause literal of a field whose automaton
 *       reads ahead to those pairs ({@link LiteralAutomaton}): each new pair is another place where the
 *       read-ahead stops.</li>
 *   <li>a literal of fewer than {@link #PRUNING_LENGTH} characters searched anywhere, unless a first
 *       clause has it on that field: it occurs in most values, so its clause prunes little, while the
 *       scan reports it at every occurrence, each report a branch the processor cannot foresee.</li>
 * </ul>
 * The built-in CAR, Splunk and LogPoint share-removal queries need {@code delete} in {@code CommandLine}
 * only in a later clause: kept, it made every command line be read whole where their first clauses'
 * literals let the search skip fifteen characters at a time. The built-in Sigma query's later clause
 * ({@code delete}, {@code .delete(}, {@code -methodname delete}) added {@code de}, {@code .d} and
 * {@code -m} to the {@code CommandLineCanonical} read-ahead while pruning 2 of its 217 candidates among
 * the corpus process events.
 */
public final class SecondaryClauses {

    /**
     * The shortest literal searched anywhere that a later clause may add. In SigmaHQ's Sysmon
     * process-creation plan, later clauses' {@code \}, {@code " "}, {@code 1}, {@code 0}, {@code -},
     * {@code /c} and the like made the {@code CommandLine} scan report 25.4 literals per corpus value;
     * leaving out the clauses with literals under four characters brings it to 8.7, for 5.00 candidates
     * per event instead of 4.02 (under three characters: 11.1 and 4.53).
     */
    static final int PRUNING_LENGTH = 4;

    private SecondaryClauses() {
    }

    /** What the first clauses search one field for. */
    private static final class Primary {
        final Set<String> texts = new LinkedHashSet<>();
        boolean scanned;
        boolean skips;
        /** The search is an automaton reading ahead to the pairs of characters that begin its literals. */
        boolean readsAhead;
        /** The first two characters of each first-clause literal, for {@link #readsAhead}. */
        final Set<String> pairs = new java.util.HashSet<>();
        int shortest = Integer.MAX_VALUE;
        /** {@link SkipSearch#shortestLatin1} of {@link #texts}. */
        int shortestLatin1;
        /** The characters the {@link RareCharacterSearch} the first clauses' literals take looks for, or null for another search. */
        Set<Character> rareCharacters;

        /** True when {@code literal} joins this field's search without slowing it. */
        boolean takes(String literal) {
            if (texts.contains(literal)) {
                return true;
            }
            if (rareCharacters != null) {
                // Free when it keeps the search and needs no scan for a character of its own.
                List<String> with = new ArrayList<>(texts);
                with.add(literal);
                return SearchChoice.choose(with) == SearchChoice.Kind.RARE
                        && rareCharacters.containsAll(RareCharacterSearch.characters(with));
            }
            if (readsAhead) {
                return literal.length() >= 2 && pairs.contains(literal.substring(0, 2));
            }
            if (!skips) {
                return true;
            }
            if (literal.length() < shortest) {
                return false;
            }
            // The set with the literal added, described by what the choice of search depends on.
            int m = shortestLatin1 < 0 || SkipSearch.shortestLatin1(List.of(literal)) < 0 ? -1
                    : Math.min(shortestLatin1, literal.length());
            return LiteralSearch.skips(texts.size() + 1, m);
        }
    }

    /**
     * The clauses of each query (null: no witnesses) with the later clauses that are not free left out;
     * the lists are new, the clauses shared.
     */
    public static List<List<Set<Witness>>> affordable(List<List<Set<Witness>>> clauses) {
        Map<Field, Primary> primaries = new HashMap<>();
        for (List<Set<Witness>> c : clauses) {
            if (c == null || c.isEmpty()) {
                continue;
            }
            for (Witness w : c.get(0)) {
                if (w.anchor() == Anchor.ABSENT) {
                    continue;
                }
                Primary p = primaries.computeIfAbsent(w.field(), f -> new Primary());
                p.texts.add(w.literal());
                p.scanned |= w.anchor() == Anchor.ANYWHERE;
                p.shortest = Math.min(p.shortest, w.literal().length());
            }
        }
        for (Primary p : primaries.values()) {
            List<String> texts = List.copyOf(p.texts);
            p.shortestLatin1 = SkipSearch.shortestLatin1(texts);
            p.skips = p.scanned && LiteralSearch.skips(texts.size(), p.shortestLatin1);
            if (p.scanned && texts.size() <= RareCharacterSearch.MAX_LITERALS
                    && SearchChoice.choose(texts) == SearchChoice.Kind.RARE) {
                p.rareCharacters = RareCharacterSearch.characters(texts);
            }
            p.readsAhead = p.scanned && !p.skips && !GramSearch.suits(texts) && LiteralAutomaton.readsAhead(texts);
            for (String t : texts) {
                if (t.length() >= 2) {
                    p.pairs.add(t.substring(0, 2));
                }
            }
        }
        List<List<Set<Witness>>> out = new ArrayList<>(clauses.size());
        for (List<Set<Witness>> c : clauses) {
            if (c == null || c.size() < 2) {
                out.add(c);
                continue;
            }
            List<Set<Witness>> kept = new ArrayList<>(c.size());
            kept.add(c.get(0));
            for (int j = 1; j < c.size(); j++) {
                if (free(c.get(j), primaries)) {
                    kept.add(c.get(j));
                }
            }
            out.add(List.copyOf(kept));
        }
        return out;
    }

    private static boolean free(Set<Witness> clause, Map<Field, Primary> primaries) {
        for (Witness w : clause) {
            if (w.anchor() == Anchor.ABSENT) {
                continue;
            }
            Primary p = primaries.get(w.field());
            if (p == null) {
                return false;
            }
            if (!p.scanned && w.anchor() == Anchor.ANYWHERE) {
                return false;
            }
            if (!p.takes(w.literal())) {
                return false;
            }
            if (w.anchor() == Anchor.ANYWHERE && w.literal().length() < PRUNING_LENGTH && !p.texts.contains(w.literal())) {
                return false;
            }
        }
        return true;
    }
}
