package dev.vigil.core.engine.plan;

import java.util.List;
import java.util.function.Function;

/**
 * Chooses the search for a set of literals. Sets of hundreds of literals take the searches built for them
 * ({@link BlockSkipSearch} for very long ones, {@link GramSearch} for many long ones); smaller sets take
 * whichever of the others is estimated cheapest on a typical value, from costs measured one search against
 * another on the 1,533 command lines of the corpus's process creations (62.8 characters on average):
 *
 * <ul>
 *   <li>an automaton reads every character: 0.9 ns a character when it reads ahead to the pairs that begin
 *       its literals ({@link LiteralAutomaton#readsAhead(List)}), 1.8 ns otherwise;</li>
 *   <li>a skip search moves by up to its window, the shortest literal's length: 5.5 ns a window, 3.0 ns for
 *       the pair skip search, whose window moves past most pairs in full where the single character
 *       under a skip search's window is often one its literals end with ({@code e});</li>
 *   <li>the rare-character search costs what its characters' scans and expected occurrences do
 *       ({@link RareCharacterSearch#cost}).</li>
 * </ul>
 *
 * <p>Measured so (ns a value): {@code remove-smbshare} and {@code remove-fileshare}, automaton 50, skip
 * search 24, pair skip search 13.5, rare characters 15; {@code delete} alone, automaton 52, skip search 47,
 * rare characters 27; the seed analytics' fifteen {@code CommandLineCanonical} literals with {@code use}
 * and {@code share}, automaton 55, rare characters 67–73.
 */
final class SearchChoice {

    /** The value length the costs are for, about that of a command line. */
    static final int TYPICAL_LENGTH = 64;
    private static final double AHEAD_CHARACTER = 0.9;
    private static final double AUTOMATON_CHARACTER = 1.8;
    private static final double SKIP_WINDOW = 5.5;
    private static final double PAIR_WINDOW = 3.0;

    private SearchChoice() {
    }

    /** The searches a set may take, each with how it is built. */
    enum Kind {
        BLOCKS(BlockSkipSearch::new),
        GRAMS(GramSearch::new),
        SKIP(SkipSearch::new),
        PAIRS(PairSkipSearch::new),
        RARE(RareCharacterSearch::new),
        AUTOMATON(LiteralAutomaton::new);

        private final Function<List<String>, LiteralSearch> build;

        Kind(Function<List<String>, LiteralSearch> build) {
            this.build = build;
        }
    }

    static LiteralSearch of(List<String> literals) {
        Pick p = pick(literals);
        if (p.kind == Kind.RARE) {
            Kind runnerUp = p.runnerUp;
            return new RareCharacterSearch(literals, p.runnerUpCost, () -> runnerUp.build.apply(literals));
        }
        return p.kind.build.apply(literals);
    }

    /** Which search {@link #of} builds for {@code literals}. */
    static Kind choose(List<String> literals) {
        return pick(literals).kind;
    }

    /** The search to build, and for a rare-character search the next cheapest and its estimate. */
    private record Pick(Kind kind, Kind runnerUp, double runnerUpCost) {
        Pick(Kind kind) {
            this(kind, null, Double.NaN);
        }
    }

    private static Pick pick(List<String> literals) {
        int count = literals.size();
        int m = SkipSearch.shortestLatin1(literals);
        boolean skips = SkipSearch.suits(count, m);
        boolean pairSkips = PairSkipSearch.suits(count, m);
        if (!skips && BlockSkipSearch.suits(count, m)) {
            return new Pick(Kind.BLOCKS);
        }
        if (!skips && !pairSkips && GramSearch.suits(literals)) {
            return new Pick(Kind.GRAMS);
        }
        double skip = skips ? SKIP_WINDOW * TYPICAL_LENGTH / m : Double.POSITIVE_INFINITY;
        double pairs = pairSkips ? PAIR_WINDOW * TYPICAL_LENGTH / (m - 1) : Double.POSITIVE_INFINITY;
        double best = Math.min(skip, pairs);
        // Neither skip search applies: an automaton, unless the rare characters beat it too.
        Kind other = best == Double.POSITIVE_INFINITY ? Kind.AUTOMATON : pairs <= skip ? Kind.PAIRS : Kind.SKIP;
        double rare = RareCharacterSearch.cost(literals, m);
        // Whether an automaton would read ahead is worth finding out only where the rare characters could
        // win (a few literals): not for SigmaHQ's thousands of CommandLine literals, which an automaton takes.
        if (rare < best) {
            double automaton = (LiteralAutomaton.readsAhead(literals) ? AHEAD_CHARACTER : AUTOMATON_CHARACTER)
                    * TYPICAL_LENGTH;
            if (automaton < best) {
                best = automaton;
                other = Kind.AUTOMATON;
            }
        }
        return rare < best ? new Pick(Kind.RARE, other, best) : new Pick(other);
    }
}
