package dev.vigil.core.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Vigil's glob syntax, the one every dialect translates its wildcards into: {@code *} matches any run of
 * characters (newlines included), {@code ?} exactly one character, and {@code \} escapes the next
 * {@code *}, {@code ?} or {@code \}; any other character stands for itself. Matching is whole-value.
 */
public final class Glob {

    /** One literal piece between wildcards, and the wildcard that follows it. */
    private final List<String> literals;
    private final List<Character> wildcards;

    private final char[] chars;
    private final boolean[] isWild;
    /** No {@code ?}: the pieces are then found in order by {@link String#indexOf}, with no backtracking. */
    private final boolean starsOnly;

    private Glob(List<String> literals, List<Character> wildcards) {
        this.literals = literals;
        this.wildcards = wildcards;
        StringBuilder sb = new StringBuilder();
        List<Boolean> w = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            for (char c : literals.get(i).toCharArray()) {
                sb.append(c);
                w.add(false);
            }
            if (i < wildcards.size()) {
                sb.append(wildcards.get(i).charValue());
                w.add(true);
            }
        }
        this.chars = sb.toString().toCharArray();
        this.starsOnly = !wildcards.contains('?');
        this.isWild = new boolean[w.size()];
        for (int i = 0; i < w.size(); i++) {
            isWild[i] = w.get(i);
        }
    }

    /** The same glob with every literal piece lower-cased (for case-insensitive matching). */
    public Glob lowerCase() {
        List<String> lits = new ArrayList<>(literals.size());
        for (String l : literals) {
            lits.add(l.toLowerCase(java.util.Locale.ROOT));
        }
        return new Glob(List.copyOf(lits), wildcards);
    }

    /** Escapes a literal so that it matches only itself inside a glob. */
    public static String escape(String literal) {
        StringBuilder sb = new StringBuilder(literal.length());
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '*' || c == '?' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** True when the pattern has at least one unescaped wildcard. */
    public static boolean hasWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                i++;
            } else if (c == '*' || c == '?') {
                return true;
            }
        }
        return false;
    }

    /** The pattern with escapes removed, for a pattern that has no wildcard. */
    public static String unescape(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    public static Glob parse(String pattern) {
        List<String> lits = new ArrayList<>();
        List<Character> wild = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                cur.append(pattern.charAt(++i));
            } else if (c == '*' || c == '?') {
                lits.add(cur.toString());
                wild.add(c);
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        lits.add(cur.toString());
        return new Glob(List.copyOf(lits), List.copyOf(wild));
    }

    /** The literal pieces; there is always one more piece than wildcards (pieces may be empty). */
    public List<String> literals() {
        return literals;
    }

    public List<Character> wildcards() {
        return wildcards;
    }

    /** Matches {@code text} (already case-folded by the caller if wanted) against the whole pattern. */
    public boolean matches(String text) {
        return starsOnly ? matchesPieces(text) : matchesByBacktracking(text);
    }

    /**
     * For a pattern of stars only: the first piece must begin the text and the last end it, and the ones
     * between may each be taken at their first occurrence after the one before (a later occurrence leaves
     * less room for the rest, never more). Linear, and each search is the library's, where backtracking
     * to the last star re-read the text at every false start: a SigmaHQ pattern like {@code * -e* jab*}
     * took microseconds on a command line of a few hundred characters.
     */
    private boolean matchesPieces(String text) {
        List<String> pieces = literals;
        int k = pieces.size() - 1;
        String first = pieces.get(0);
        if (k == 0) {
            return text.equals(first);
        }
        String last = pieces.get(k);
        int limit = text.length() - last.length();
        if (limit < first.length() || !text.startsWith(first) || !text.endsWith(last)) {
            return false;
        }
        int at = first.length();
        for (int i = 1; i < k; i++) {
            String piece = pieces.get(i);
            if (piece.isEmpty()) {
                continue;
            }
            int found = text.indexOf(piece, at);
            if (found < 0 || found + piece.length() > limit) {
                return false;
            }
            at = found + piece.length();
        }
        return true;
    }

    /** Any pattern; {@link #matches} takes it for patterns with {@code ?}. */
    boolean matchesByBacktracking(String text) {
        // Two-pointer matching with backtracking to the last star: O(text x pattern) at worst, never exponential.
        char[] pat = chars;
        boolean[] wild = isWild;
        int m = pat.length;
        int n = text.length();
        int t = 0;
        int p = 0;
        int star = -1;
        int mark = 0;
        while (t < n) {
            if (p < m && !(wild[p] && pat[p] == '*') && ((wild[p] && pat[p] == '?') || pat[p] == text.charAt(t))) {
                p++;
                t++;
            } else if (p < m && wild[p] && pat[p] == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < m && wild[p] && pat[p] == '*') {
            p++;
        }
        return p == m;
    }
}
