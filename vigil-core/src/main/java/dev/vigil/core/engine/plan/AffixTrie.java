package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Anchored witness literals of one field, found by walking tries of them from the ends of the value for
 * as long as some literal can still match: literals anchored at the start and whole-value literals from the
 * first character, literals anchored at the end (held reversed) from the last. An image path is walked
 * for its last dozen characters rather than scanned whole, and an event id for one or two.
 *
 * <p>Latin-1 characters fold through a table as the walk reads them ({@link String#toLowerCase(Locale)}
 * with {@code Locale.ROOT} is per character there); a value with any other character is folded whole
 * first, as the literals were.
 */
public final class AffixTrie implements LiteralSearch {

    private static final char[] LOWER = Latin1Fold.LOWER;

    /** The start and whole-value literals, or null. */
    private final Walk forward;
    /** The end literals, or null. */
    private final Walk backward;
    private final int literalCount;

    /** @param literals anchored literals (any anchor but {@link Anchor#ANYWHERE}), reported by their index */
    public AffixTrie(List<AnchoredLiteral> literals) {
        this.literalCount = literals.size();
        List<Integer> front = new ArrayList<>();
        List<Integer> back = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            switch (literals.get(i).anchor()) {
                case START, WHOLE -> front.add(i);
                case END -> back.add(i);
                case ANYWHERE, ABSENT -> throw new IllegalArgumentException("not an anchored literal: " + literals.get(i));
            }
        }
        forward = front.isEmpty() ? null : new Walk(literals, front, false);
        backward = back.isEmpty() ? null : new Walk(literals, back, true);
    }

    @Override
    public void scan(String value, Sink sink) {
        if (forward != null && !forward.walk(value, false, sink)) {
            forward.walk(value.toLowerCase(Locale.ROOT), true, sink);
        }
        if (backward != null && !backward.walk(value, false, sink)) {
            backward.walk(value.toLowerCase(Locale.ROOT), true, sink);
        }
    }

    @Override
    public int literalCount() {
        return literalCount;
    }

    @Override
    public String describe() {
        return literalCount + " anchored literals, tries of " + (forward == null ? 0 : forward.nodes()) + " (from the start) and "
                + (backward == null ? 0 : backward.nodes()) + " (from the end) nodes";
    }

    /** One trie, walked from one end of the value. */
    private static final class Walk {
        /** Edges of node {@code n}: {@code edgeStart[n]..edgeStart[n+1]} in {@link #edgeChar}, by character. */
        private final int[] edgeStart;
        private final char[] edgeChar;
        private final int[] edgeTarget;
        /** Literals reported when the walk reaches a node: prefix (or suffix) literals ending there. */
        private final int[] reachStart;
        private final int[] reach;
        /** Literals reported only when the walk reaches a node having read the whole value. */
        private final int[] wholeStart;
        private final int[] whole;
        /**
         * Runs: from node {@code n}, the characters {@code runChars[runStart[n]..runStart[n+1])} lead
         * through nodes with one edge and nothing to report to {@code runEnd[n]}. A walk compares them in a
         * row (a load per character, none depending on the last) instead of looking up one edge after
         * another: an image path shares twenty characters with a whole-path literal before it differs.
         */
        private final int[] runStart;
        private final char[] runChars;
        private final int[] runEnd;
        private final boolean backward;
        /** Only whole-value literals: a value of none of their lengths need not be walked at all. */
        private final boolean wholeOnly;
        /** Bit {@code n}: a whole-value literal has {@code n} characters (for n below 64). */
        private final long wholeLengths;
        private final int longestWhole;

        Walk(List<AnchoredLiteral> literals, List<Integer> ids, boolean backward) {
            this.backward = backward;
            Map<Long, Integer> edges = new HashMap<>();
            List<List<Integer>> reached = new ArrayList<>();
            List<List<Integer>> wholes = new ArrayList<>();
            List<int[]> edgeList = new ArrayList<>();
            reached.add(new ArrayList<>());
            wholes.add(new ArrayList<>());
            for (int li : ids) {
                AnchoredLiteral l = literals.get(li);
                String text = l.text();
                int node = 0;
                for (int k = 0; k < text.length(); k++) {
                    char c = text.charAt(backward ? text.length() - 1 - k : k);
                    long key = ((long) node << 16) | c;
                    Integer next = edges.get(key);
                    if (next == null) {
                        next = reached.size();
                        reached.add(new ArrayList<>());
                        wholes.add(new ArrayList<>());
                        edges.put(key, next);
                        edgeList.add(new int[] {node, c, next});
                    }
                    node = next;
                }
                (l.anchor() == Anchor.WHOLE ? wholes : reached).get(node).add(li);
            }
            long lengths = 0;
            int longest = 0;
            boolean onlyWhole = true;
            for (int li : ids) {
                AnchoredLiteral l = literals.get(li);
                onlyWhole &= l.anchor() == Anchor.WHOLE;
                int n = l.text().length();
                lengths |= n < 64 ? 1L << n : 0;
                longest = Math.max(longest, n);
            }
            wholeOnly = onlyWhole;
            wholeLengths = lengths;
            longestWhole = longest;
            int nodes = reached.size();
            edgeList.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
            edgeStart = new int[nodes + 1];
            edgeChar = new char[edgeList.size()];
            edgeTarget = new int[edgeList.size()];
            for (int e = 0; e < edgeList.size(); e++) {
                int[] x = edgeList.get(e);
                edgeStart[x[0] + 1]++;
                edgeChar[e] = (char) x[1];
                edgeTarget[e] = x[2];
            }
            for (int n = 0; n < nodes; n++) {
                edgeStart[n + 1] += edgeStart[n];
            }
            reachStart = new int[nodes + 1];
            reach = flatten(reached, reachStart);
            wholeStart = new int[nodes + 1];
            whole = flatten(wholes, wholeStart);
            runStart = new int[nodes + 1];
            runEnd = new int[nodes];
            StringBuilder chars = new StringBuilder();
            for (int n = 0; n < nodes; n++) {
                runStart[n] = chars.length();
                int at = n;
                while (edgeStart[at + 1] - edgeStart[at] == 1) {
                    int e = edgeStart[at];
                    chars.append(edgeChar[e]);
                    at = edgeTarget[e];
                    if (reachStart[at] != reachStart[at + 1] || wholeStart[at] != wholeStart[at + 1]) {
                        break;
                    }
                }
                runEnd[n] = at;
            }
            runStart[nodes] = chars.length();
            runChars = chars.toString().toCharArray();
        }

        int nodes() {
            return edgeStart.length - 1;
        }

        private static int[] flatten(List<List<Integer>> lists, int[] start) {
            int total = 0;
            for (int n = 0; n < lists.size(); n++) {
                start[n] = total;
                total += lists.get(n).size();
            }
            start[lists.size()] = total;
            int[] out = new int[total];
            int at = 0;
            for (List<Integer> l : lists) {
                for (int x : l) {
                    out[at++] = x;
                }
            }
            return out;
        }

        /**
         * Walks a value, folding Latin-1 characters by table unless it is {@code folded} already. False when
         * an unfolded value has another character: the caller walks the value folded whole (what was
         * reported so far holds there too, so it only repeats).
         */
        boolean walk(String value, boolean folded, Sink sink) {
            int n = value.length();
            if (wholeOnly && !mayEqual(value, n)) {
                return true;
            }
            int node = 0;
            int k = 0;
            while (true) {
                int from = runStart[node];
                int len = runStart[node + 1] - from;
                if (len > 0) {
                    int stop = Math.min(len, n - k);
                    for (int j = 0; j < stop; j++) {
                        char c = value.charAt(backward ? n - 1 - k - j : k + j);
                        if (!folded) {
                            if (c >= 256) {
                                return false;
                            }
                            c = LOWER[c];
                        }
                        if (c != runChars[from + j]) {
                            return true;
                        }
                    }
                    if (stop < len) {
                        // The value ends inside the run, where no literal ends.
                        return true;
                    }
                    k += len;
                    node = runEnd[node];
                    report(node, k == n, sink);
                    continue;
                }
                if (k == n) {
                    return true;
                }
                char c = value.charAt(backward ? n - 1 - k : k);
                if (!folded) {
                    if (c >= 256) {
                        return false;
                    }
                    c = LOWER[c];
                }
                node = child(node, c);
                if (node < 0) {
                    return true;
                }
                k++;
                report(node, k == n, sink);
            }
        }

        /**
         * False when no whole-value literal can equal the value folded: its length is none of theirs.
         * Folding keeps the length but for one character ({@code U+0130}, two characters lower-cased),
         * so a value holding it and shorter than the longest literal is walked anyway.
         */
        private boolean mayEqual(String value, int n) {
            if (n < 64 ? (wholeLengths >>> n & 1) != 0 : n <= longestWhole) {
                return true;
            }
            return n < longestWhole && value.indexOf('\u0130') >= 0;
        }

        private int child(int node, char c) {
            int lo = edgeStart[node];
            int hi = edgeStart[node + 1];
            if (hi - lo <= 8) {
                for (int e = lo; e < hi; e++) {
                    if (edgeChar[e] == c) {
                        return edgeTarget[e];
                    }
                }
                return -1;
            }
            hi--;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                char m = edgeChar[mid];
                if (m < c) {
                    lo = mid + 1;
                } else if (m > c) {
                    hi = mid - 1;
                } else {
                    return edgeTarget[mid];
                }
            }
            return -1;
        }

        private void report(int node, boolean atEnd, Sink sink) {
            for (int i = reachStart[node]; i < reachStart[node + 1]; i++) {
                sink.found(reach[i]);
            }
            if (atEnd) {
                for (int i = wholeStart[node]; i < wholeStart[node + 1]; i++) {
                    sink.found(whole[i]);
                }
            }
        }
    }
}
