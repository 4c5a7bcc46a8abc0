package dev.vigil.core.engine.match;

import dev.vigil.core.engine.plan.RegexSyntax;

import java.util.ArrayList;
import java.util.List;

/**
 * What every match of an RE2 pattern contains, in order, read conservatively from the top level of the
 * pattern: a sequence of items, each a few alternative strings of which one must occur after the previous
 * item's. A value without them cannot match, and finding them costs a few {@code indexOf} calls where RE2/J's
 * machine costs microseconds per character on patterns like {@code \+.*\+.*\+}. When the pattern is nothing
 * but literal runs joined by {@code .*}, the runs in order also suffice on a value without a line break
 * (RE2's {@code .} takes any character but {@code \n}), so the machine need not run at all.
 *
 * <p>Items come from runs of literal characters and small classes ({@code [/-]d} gives {@code /d} and
 * {@code -d}), and from required groups of plain words ({@code (share|use)}). Only ASCII characters are
 * taken, and for a case-insensitive pattern (or one with inline flags) only characters without case, so
 * items are compared exactly. A top-level alternation gives nothing; other groups, large classes, anchors,
 * {@code .} and escapes like {@code \s} end a run; an atom under {@code ? * {} ends it before the atom,
 * under {@code +} after it.
 */
final class RegexRuns {

    enum Verdict { NO, YES, MAYBE }

    private static final RegexRuns NONE = new RegexRuns(List.of(), false);
    /** Runs multiply by the classes in them: past this many alternatives a run ends. */
    private static final int MAX_ALTERNATIVES = 8;
    private static final String META = "\\.+*?()|[]{}^$";

    private final String[][] items;
    /** The pattern is exactly single-alternative items joined by {@code .*}. */
    private final boolean joinedByAnything;

    private RegexRuns(List<String[]> items, boolean joinedByAnything) {
        this.items = items.toArray(new String[0][]);
        this.joinedByAnything = joinedByAnything && !items.isEmpty();
    }

    /** One element of the top-level concatenation. */
    private static final class Atom {
        /** The characters it matches when it is a literal or a small class, else null. */
        String chars;
        /** The alternatives when it is a group of plain words, else null. */
        List<String> words;
        boolean any;
        /** Quantifier: 1 none, '+', '*' or '?' (for ? and {}). */
        char times = 1;
        int end;
    }

    static RegexRuns of(String pattern, boolean caseSensitive) {
        boolean fold = !caseSensitive || pattern.contains("(?");
        List<String[]> items = new ArrayList<>();
        List<String> run = new ArrayList<>(List.of(""));
        boolean plain = true;
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.charAt(i) == '|') {
                return NONE;
            }
            Atom a = atom(pattern, i, fold);
            if (a == null) {
                return NONE;
            }
            i = a.end;
            boolean required = a.times == 1 || a.times == '+';
            plain &= (a.chars != null && a.chars.length() == 1 && a.times == 1) || (a.any && a.times == '*');
            if (a.chars != null && required && run.size() * a.chars.length() <= MAX_ALTERNATIVES) {
                List<String> longer = new ArrayList<>();
                for (String r : run) {
                    for (int k = 0; k < a.chars.length(); k++) {
                        longer.add(r + a.chars.charAt(k));
                    }
                }
                run = longer;
                if (a.times == '+') {
                    run = end(run, items);
                }
                continue;
            }
            run = end(run, items);
            if (a.words != null && required) {
                items.add(a.words.toArray(new String[0]));
            }
        }
        end(run, items);
        // Under case folding the items hold no letters, and ASCII characters other than letters have no case.
        return new RegexRuns(items, plain);
    }

    private static List<String> end(List<String> run, List<String[]> items) {
        if (!run.get(0).isEmpty()) {
            items.add(run.toArray(new String[0]));
        }
        return new ArrayList<>(List.of(""));
    }

    /** The atom at {@code i} with its quantifier, or null when the pattern is not worth reading further. */
    private static Atom atom(String p, int i, boolean fold) {
        Atom a = new Atom();
        char c = p.charAt(i);
        int next;
        if (c == '(') {
            next = groupEnd(p, i);
            if (next < 0) {
                return null;
            }
            a.words = words(p.substring(i + 1, next - 1), fold);
        } else if (c == '[') {
            next = RegexSyntax.classEnd(p, i);
            if (next < 0) {
                return null;
            }
            a.chars = members(p.substring(i + 1, next - 1), fold);
        } else if (c == '\\') {
            if (i + 1 >= p.length()) {
                return null;
            }
            char e = p.charAt(i + 1);
            if (e >= 128) {
                return null;
            }
            if (Character.isLetterOrDigit(e)) {
                // Single-character classes and assertions end a run; \Q, \x41, \pL and octal are not read.
                if ("dDsSwWbBAz".indexOf(e) < 0) {
                    return null;
                }
            } else {
                a.chars = keep(e, fold) ? String.valueOf(e) : null;
            }
            next = i + 2;
        } else if (c == '.') {
            a.any = true;
            next = i + 1;
        } else if (c == '^' || c == '$') {
            next = i + 1;
        } else if (META.indexOf(c) >= 0) {
            // A quantifier without an atom or a closer without an opener: not worth reading.
            return null;
        } else {
            a.chars = keep(c, fold) ? String.valueOf(c) : null;
            next = i + 1;
        }
        if (next < p.length()) {
            char q = p.charAt(next);
            if (q == '+' || q == '*' || q == '?') {
                a.times = q;
                next++;
            } else if (q == '{') {
                int close = p.indexOf('}', next);
                if (close < 0) {
                    return null;
                }
                a.times = '?';
                next = close + 1;
            }
            if (a.times != 1 && next < p.length() && p.charAt(next) == '?') {
                next++;
            }
        }
        a.end = next;
        return a;
    }

    private static boolean keep(char c, boolean fold) {
        return c < 128 && !(fold && Character.isLetter(c));
    }

    /** The alternatives of a group body made only of plain words ({@code ?:} allowed), else null. */
    private static List<String> words(String body, boolean fold) {
        List<String> out = new ArrayList<>();
        for (String w : RegexSyntax.alternatives(body)) {
            if (w.isEmpty()) {
                return null;
            }
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (META.indexOf(c) >= 0 || !keep(c, fold)) {
                    return null;
                }
            }
            out.add(w);
        }
        return out;
    }

    /** The characters of a class body that lists a few plain characters (no ranges, escapes or negation), else null. */
    private static String members(String body, boolean fold) {
        if (body.isEmpty() || body.charAt(0) == '^' || body.length() > MAX_ALTERNATIVES) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < body.length(); k++) {
            char c = body.charAt(k);
            boolean range = c == '-' && k > 0 && k < body.length() - 1;
            if (range || c == '\\' || c == '[' || !keep(c, fold)) {
                return null;
            }
            if (out.indexOf(String.valueOf(c)) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index past the ')' closing the group opened at {@code open}, or -1. */
    private static int groupEnd(String p, int open) {
        int depth = 0;
        int j = open;
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                j = RegexSyntax.classEnd(p, j);
                if (j < 0) {
                    return -1;
                }
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    boolean any() {
        return items.length > 0;
    }

    /** Whether the pattern can match {@code value}: NO and YES are certain, MAYBE needs the regex. */
    Verdict test(String value) {
        int from = 0;
        for (String[] item : items) {
            // The earliest end of any alternative: the match's own occurrence ends no earlier.
            int end = -1;
            for (String alt : item) {
                int at = value.indexOf(alt, from);
                if (at >= 0 && (end < 0 || at + alt.length() < end)) {
                    end = at + alt.length();
                }
            }
            if (end < 0) {
                return Verdict.NO;
            }
            from = end;
        }
        return joinedByAnything && value.indexOf('\n') < 0 ? Verdict.YES : Verdict.MAYBE;
    }
}
