package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A search over a few Latin-1 literals by one rare character of each: {@link String#indexOf(int, int)},
 * which the JVM runs over a Latin-1 string many characters at a time, finds each occurrence of the chosen
 * characters (in every case that folds to them), and only there is a literal compared with the value. A
 * value is otherwise never read a character at a time in Java code.
 *
 * <p>The CAR and Splunk share-removal queries look for {@code delete} in command lines: six characters, so
 * a skip search's window moves six at most, and it ends with {@code e}, the commonest character there, so
 * the window stops to compare wherever it ends on one. Looking for its {@code l} (both cases) took 27 ns a corpus command line, against 47 ns for
 * the skip search and 52 ns for an automaton.
 *
 * <p>Which character to take is a guess from how often each character occurs in the command lines of the
 * corpus's process creations ({@link #PER_TEN_THOUSAND}): ids, paths and command lines share most of that
 * shape. A plan takes this search only where that guess makes it cheaper than the others ({@link SearchChoice}).
 *
 * <p>Characters are folded one at a time, as {@link SkipSearch} does: every occurrence in the value's
 * string fold is found, and a spare one may be reported for a value beyond Latin-1, never a miss. Each
 * character that folds to a chosen one is looked for, Latin-1 or not (the Kelvin sign folds to {@code k});
 * {@code indexOf} of a character beyond Latin-1 in a Latin-1 string returns at once.
 */
final class RareCharacterSearch implements LiteralSearch {

    /** More literals than this are an automaton's or a skip search's work. */
    static final int MAX_LITERALS = 24;
    /**
     * Occurrences in ten thousand characters of the command lines of the corpus's 1,533 process
     * creations, by printable ASCII character folded to lower case (space to {@code ~}); others are
     * taken to occur once.
     */
    private static final short[] PER_TEN_THOUSAND = {
        599, 0, 178, 1, 5, 11, 3, 6, 12, 12, 1, 11, 16, 122, 288, 129,   // space ! " # $ % & ' ( ) * + , - . /
        166, 209, 180, 124, 51, 40, 74, 33, 70, 59, 140, 6, 1, 22, 3, 1,  // 0-9 : ; < = > ?
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,                   // @ A-O (folded away)
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 426, 3, 1, 18,               // P-Z [ \ ] ^ _
        1, 372, 117, 448, 329, 795, 113, 145, 112, 400, 44, 77, 242, 305, 374, 404, // ` a-o
        224, 40, 347, 646, 454, 161, 107, 322, 183, 150, 37, 4, 1, 4, 1,  // p-z { | } ~
    };
    /**
     * Estimated costs in nanoseconds, measured on the corpus's command lines ({@link SearchChoice}): an
     * {@code indexOf} scan of a whole value, an occurrence of a chosen character, and one literal compared
     * there.
     */
    private static final double SCAN = 4.5;
    private static final double VISIT = 6.0;
    private static final double COMPARE = 3.0;
    private static final int TYPICAL_LENGTH = SearchChoice.TYPICAL_LENGTH;

    private final char[][] literals;
    private final int shortest;
    /** The characters looked for, each once. */
    private final char[] sought;
    /**
     * Per sought character, the literals it stands for as triples: the literal, the offset of the chosen
     * character in it, and how many first characters it shares with the previous triple's literal at the
     * same offset (0 at another offset). Sorted by offset, then text, so that literals differing in their
     * last character only ({@code use} and a space, a tab, a new line…) are compared once up to it.
     */
    private final int[][] where;
    private final String chosen;

    /**
     * The frequencies are a guess, and some fields prove it wrong: {@code =} is one character in sixteen of
     * an LDAP distinguished name, {@code %} a third of an audit policy change ({@code %%8449}), and the
     * digits an eighth of a hexadecimal {@code Binary}. So the first {@value #SAMPLE_VALUES} values scanned
     * count the occurrences met; when those make this search dearer than the next cheapest was estimated,
     * that one ({@link #otherwise}) is built and takes over. Counted from every thread without a lock: a
     * lost count only shifts when the check is made.
     */
    static final int SAMPLE_VALUES = 4096;
    /** The next cheapest search's estimate, and how to build it; infinity and null: never give way. */
    private final double otherCost;
    private final Supplier<LiteralSearch> otherwise;
    /** The estimate's parts: the scans of a value, and an occurrence met (its visit and comparisons). */
    private final double scanCost;
    private final double occurrenceCost;
    private int sampledValues;
    private long sampledCharacters;
    private long sampledOccurrences;
    /** Set once the sample is judged; the plain read that stops the counting. */
    private boolean judged;
    /** The search that took over, or null. */
    private volatile LiteralSearch instead;

    /** A search that never gives way to another. */
    RareCharacterSearch(List<String> given) {
        this(given, Double.POSITIVE_INFINITY, null);
    }

    /**
     * @param otherCost the estimate of the next cheapest search, {@code otherwise}'s, in ns a value of
     *                  {@link SearchChoice#TYPICAL_LENGTH} characters
     */
    RareCharacterSearch(List<String> given, double otherCost, Supplier<LiteralSearch> otherwise) {
        this.otherCost = otherCost;
        this.otherwise = otherwise;
        judged = otherwise == null;
        literals = SkipSearch.chars(given);
        shortest = given.stream().mapToInt(String::length).min().orElse(0);
        Choice c = choose(literals);
        List<Character> chars = new ArrayList<>();
        List<int[]> places = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        c.byCharacter.forEach((folded, pairs) -> {
            int[] flat = triples(literals, pairs);
            names.append(names.length() == 0 ? "" : " ").append(printable(folded));
            for (char source : sources(folded)) {
                chars.add(source);
                places.add(flat);
            }
        });
        sought = new char[chars.size()];
        where = new int[chars.size()][];
        for (int i = 0; i < sought.length; i++) {
            sought[i] = chars.get(i);
            where[i] = places.get(i);
        }
        chosen = names.toString();
        double scans = 0;
        int standFor = 0;
        for (char folded : c.byCharacter.keySet()) {
            scans += scans(folded);
            standFor += c.byCharacter.get(folded).size() / 2;
        }
        scanCost = scans;
        occurrenceCost = VISIT + COMPARE * standFor / Math.max(1, c.byCharacter.size());
    }

    /**
     * The estimated cost of this search over a value of {@link SearchChoice#TYPICAL_LENGTH} characters, or
     * infinity when it cannot take these literals (none, one beyond Latin-1, too many); {@code
     * shortestLatin1} is their {@link SkipSearch#shortestLatin1}.
     */
    static double cost(List<String> literals, int shortestLatin1) {
        if (literals.isEmpty() || literals.size() > MAX_LITERALS || shortestLatin1 < 1) {
            return Double.POSITIVE_INFINITY;
        }
        return choose(SkipSearch.chars(literals)).cost;
    }

    /** The folded characters this search looks for, over {@code literals} (Latin-1, at most {@link #MAX_LITERALS}). */
    static java.util.Set<Character> characters(List<String> literals) {
        return choose(SkipSearch.chars(literals)).byCharacter.keySet();
    }

    /** The chosen characters, by folded character, with the literals (and offsets) each stands for. */
    private record Choice(Map<Character, List<Integer>> byCharacter, double cost) {
    }

    /**
     * Takes for each literal, shortest first (it has the fewest characters to choose from, and longer ones
     * may then share its choice), the character whose choice adds least to the estimate: a new character
     * costs its scans, and every character costs a visit per occurrence and a comparison per literal it
     * stands for.
     */
    private static Choice choose(char[][] literals) {
        Integer[] order = new Integer[literals.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(literals[a].length, literals[b].length));
        Map<Character, List<Integer>> by = new LinkedHashMap<>();
        for (int id : order) {
            char[] l = literals[id];
            int best = 0;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int o = 0; o < l.length; o++) {
                List<Integer> at = by.get(l[o]);
                double added = (at == null ? scans(l[o]) + occurrences(l[o]) * VISIT : 0)
                        + occurrences(l[o]) * COMPARE;
                if (added < bestCost) {
                    bestCost = added;
                    best = o;
                }
            }
            List<Integer> at = by.computeIfAbsent(l[best], k -> new ArrayList<>());
            at.add(id);
            at.add(best);
        }
        double cost = 0;
        for (Map.Entry<Character, List<Integer>> e : by.entrySet()) {
            double occurrences = occurrences(e.getKey());
            cost += scans(e.getKey()) + occurrences * (VISIT + COMPARE * e.getValue().size() / 2.0);
        }
        return new Choice(by, cost);
    }

    /**
     * The cost of the scans for {@code folded}: one per Latin-1 character that folds to it; one for a
     * character beyond Latin-1 returns at once on a Latin-1 value, most values.
     */
    private static double scans(char folded) {
        double c = 0;
        for (char s : sources(folded)) {
            c += s < 256 ? SCAN : 1.0;
        }
        return c;
    }

    /** How often {@code folded} is expected in a value of {@link SearchChoice#TYPICAL_LENGTH} characters. */
    private static double occurrences(char folded) {
        int f = folded >= ' ' && folded <= '~' ? PER_TEN_THOUSAND[folded - ' '] : 1;
        return Math.max(f, 1) * TYPICAL_LENGTH / 10_000.0;
    }

    /** Every character that folds to {@code folded} a character at a time, {@code folded} first. */
    static char[] sources(char folded) {
        return Sources.BY_FOLD[folded];
    }

    /** Built on first use: it reads every character once. */
    private static final class Sources {
        static final char[][] BY_FOLD = new char[256][];

        static {
            List<List<Character>> lists = new ArrayList<>();
            for (int c = 0; c < 256; c++) {
                lists.add(new ArrayList<>(List.of((char) c)));
            }
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                char f = SkipSearch.fold((char) c);
                if (f < 256 && f != c) {
                    lists.get(f).add((char) c);
                }
            }
            for (int c = 0; c < 256; c++) {
                List<Character> l = lists.get(c);
                BY_FOLD[c] = new char[l.size()];
                for (int i = 0; i < l.size(); i++) {
                    BY_FOLD[c][i] = l.get(i);
                }
            }
        }
    }

    @Override
    public void scan(String value, Sink sink) {
        LiteralSearch other = instead;
        if (other != null) {
            LiteralSearch.scan(other, value, sink);
            return;
        }
        int n = value.length();
        if (n < shortest) {
            return;
        }
        char[] s = sought;
        int met = 0;
        for (int k = 0; k < s.length; k++) {
            int p = value.indexOf(s[k]);
            while (p >= 0) {
                met++;
                compareAround(value, p, where[k], sink);
                p = value.indexOf(s[k], p + 1);
            }
        }
        if (!judged) {
            sample(n, met);
        }
    }

    private void sample(int characters, int occurrences) {
        sampledCharacters += characters;
        sampledOccurrences += occurrences;
        if (++sampledValues < SAMPLE_VALUES) {
            return;
        }
        judged = true;
        double perTypicalValue = (double) sampledOccurrences * TYPICAL_LENGTH / Math.max(1, sampledCharacters);
        if (scanCost + perTypicalValue * occurrenceCost > otherCost) {
            instead = otherwise.get();
        }
    }

    /** The {@link #where} triples of the (literal, offset) pairs one character stands for. */
    private static int[] triples(char[][] literals, List<Integer> pairs) {
        Integer[] order = new Integer[pairs.size() / 2];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byOffset = Integer.compare(pairs.get(2 * a + 1), pairs.get(2 * b + 1));
            return byOffset != 0 ? byOffset : Arrays.compare(literals[pairs.get(2 * a)], literals[pairs.get(2 * b)]);
        });
        int[] out = new int[3 * order.length];
        for (int i = 0; i < order.length; i++) {
            int id = pairs.get(2 * order[i]);
            int offset = pairs.get(2 * order[i] + 1);
            int shared = 0;
            if (i > 0 && out[3 * i - 2] == offset) {
                char[] a = literals[out[3 * i - 3]];
                char[] b = literals[id];
                while (shared < Math.min(a.length, b.length) && a[shared] == b[shared]) {
                    shared++;
                }
            }
            out[3 * i] = id;
            out[3 * i + 1] = offset;
            out[3 * i + 2] = shared;
        }
        return out;
    }

    /**
     * Compares each literal the character at {@code p} stands for, placed so that its chosen character is
     * there. A literal sharing its first {@code s} characters with the one compared before it, at the same
     * place, fails where that one failed if it failed before {@code s}, and else is compared from {@code s}.
     */
    private void compareAround(String value, int p, int[] triples, Sink sink) {
        int n = value.length();
        // Characters of the previous literal that matched, or -1 when it was not compared.
        int matched = -1;
        for (int j = 0; j < triples.length; j += 3) {
            char[] l = literals[triples[j]];
            int at = p - triples[j + 1];
            int shared = triples[j + 2];
            if (at < 0 || at + l.length > n) {
                matched = -1;
                continue;
            }
            int k = 0;
            if (shared > 0 && matched >= 0) {
                if (matched < shared) {
                    continue;
                }
                k = shared;
            }
            while (k < l.length && SkipSearch.fold(value.charAt(at + k)) == l[k]) {
                k++;
            }
            matched = k;
            if (k == l.length) {
                sink.found(triples[j]);
            }
        }
    }

    private static String printable(char c) {
        return c > ' ' && c < 127 ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    @Override
    public int minLength() {
        return shortest;
    }

    @Override
    public int literalCount() {
        return literals.length;
    }

    @Override
    public String describe() {
        LiteralSearch other = instead;
        String own = literals.length + " literals, found by " + sought.length + " scans for rare characters (" + chosen + ")";
        return other == null ? own : other.describe() + " (" + chosen + " proved common in the values)";
    }
}
