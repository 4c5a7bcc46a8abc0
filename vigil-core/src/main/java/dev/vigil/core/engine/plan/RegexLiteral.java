package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The longest run of literal characters that every match of an RE2 pattern must contain, found
 * conservatively, so a regex test can sit behind the literal prefilter. Only the top level of the
 * pattern is read: a top-level alternation gives nothing; groups, classes, escapes like {@code \d} and
 * anchors break a run; a character followed by {@code ? * {} is optional and breaks it too. Only ASCII
 * characters are taken, and for a case-insensitive pattern not {@code s} or {@code k}, whose case folds
 * include characters ({@code ſ}, the Kelvin sign) that lower-casing does not map to them. A required
 * top-level group of plain words may stand instead, its words extended by what must follow it
 * ({@link #extend}).
 */
final class RegexLiteral {

    private static final String META = "\\.+*?()|[]{}^$";
    /** The characters RE2's {@code \s} matches. */
    private static final String SPACE = " \t\n\f\r";
    /** At most this many literals come of extending a group's words ({@link #extend}). */
    static final int MAX_EXTENDED = 32;

    private RegexLiteral() {
    }

    /** The required literal, lower-cased, or "" when none was found. */
    static String of(String pattern, boolean caseSensitive) {
        List<String> any = anyOf(pattern, caseSensitive);
        return any.size() == 1 ? any.get(0) : "";
    }

    /**
     * Literals of which every match contains at least one, lower-cased: the longest required run, or the
     * alternatives of a top-level group of plain words ({@code (share|use)}), each followed by the characters
     * that must come after the group ({@link #extend}), when their shortest is longer. Empty when none was
     * found.
     */
    static List<String> anyOf(String pattern, boolean caseSensitive) {
        boolean fold = !caseSensitive || pattern.contains("(?");
        List<String> group = List.of();
        String best = "";
        StringBuilder run = new StringBuilder();
        int depth = 0;
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '[') {
                best = longer(best, run);
                i = skipClass(pattern, i);
                continue;
            }
            if (c == '(' && depth == 0) {
                int close = plainGroupEnd(pattern, i, fold);
                if (close > 0) {
                    best = longer(best, run);
                    List<String> alternatives = alternatives(pattern.substring(i + 1, close));
                    int after = extend(pattern, close + 1, alternatives, fold);
                    if (shortest(alternatives) > shortest(group)) {
                        group = alternatives;
                    }
                    i = after;
                    continue;
                }
            }
            if (c == '(') {
                best = longer(best, run);
                depth++;
                i++;
                continue;
            }
            if (c == ')') {
                depth--;
                i++;
                continue;
            }
            if (depth > 0) {
                i += c == '\\' ? 2 : 1;
                continue;
            }
            if (c == '|') {
                return List.of();
            }
            if (c == '{') {
                best = longer(best, run);
                int close = pattern.indexOf('}', i);
                i = close < 0 ? n : close + 1;
                continue;
            }
            char literal;
            int next;
            if (c == '\\') {
                if (i + 1 >= n) {
                    break;
                }
                char e = pattern.charAt(i + 1);
                if (Character.isLetterOrDigit(e) || e >= 128) {
                    best = longer(best, run);
                    if (e == 'Q') {
                        return choose(best, group);
                    }
                    i = skipEscape(pattern, i + 1);
                    continue;
                }
                literal = e;
                next = i + 2;
            } else if (META.indexOf(c) >= 0 || c >= 128) {
                best = longer(best, run);
                i++;
                continue;
            } else {
                literal = c;
                next = i + 1;
            }
            char q = next < n ? pattern.charAt(next) : 0;
            boolean unsafe = fold && (Character.toLowerCase(literal) == 's' || Character.toLowerCase(literal) == 'k');
            if (q == '?' || q == '*' || q == '{' || unsafe) {
                best = longer(best, run);
            } else {
                run.append(Character.toLowerCase(literal));
                if (q == '+') {
                    best = longer(best, run);
                }
            }
            i = next;
        }
        return choose(longer(best, run), group);
    }

    private static List<String> choose(String run, List<String> group) {
        if (shortest(group) > run.length()) {
            return group;
        }
        return run.isEmpty() ? List.of() : List.of(run);
    }

    private static int shortest(List<String> alternatives) {
        int min = alternatives.isEmpty() ? 0 : Integer.MAX_VALUE;
        for (String a : alternatives) {
            min = Math.min(min, a.length());
        }
        return min;
    }

    private static List<String> alternatives(String body) {
        List<String> out = new ArrayList<>();
        for (String a : RegexSyntax.alternatives(body)) {
            out.add(a.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * The index of the ')' closing the group opened at {@code open} when the group is a plain alternation
     * of literal ASCII words (optionally {@code ?:}), required (not followed by {@code ? * {}), with no empty
     * alternative; otherwise -1.
     */
    private static int plainGroupEnd(String p, int open, boolean fold) {
        int j = open + 1;
        if (p.startsWith("?:", j)) {
            j += 2;
        }
        int start = j;
        boolean empty = true;
        for (; j < p.length(); j++) {
            char c = p.charAt(j);
            if (c == ')') {
                break;
            }
            if (c == '|') {
                if (empty) {
                    return -1;
                }
                empty = true;
                continue;
            }
            char lower = Character.toLowerCase(c);
            if (c >= 128 || META.indexOf(c) >= 0 || (fold && (lower == 's' || lower == 'k'))) {
                return -1;
            }
            empty = false;
        }
        if (j >= p.length() || empty || j == start) {
            return -1;
        }
        char q = j + 1 < p.length() ? p.charAt(j + 1) : 0;
        return q == '?' || q == '*' || q == '{' ? -1 : j;
    }

    /**
     * Extends the words of a required group by what must follow it, from {@code at}: plain characters, and
     * {@code \s} as one word per white-space character, each required once, while the words stay at most
     * {@link #MAX_EXTENDED}. {@code (share|use)\s} gives {@code "share "} and {@code "use "} among
     * others, which a command line holding {@code C:\Users} does not contain where {@code use} it does.
     * @return the index past what was taken
     */
    private static int extend(String p, int at, List<String> words, boolean fold) {
        int n = p.length();
        int i = at;
        while (i < n) {
            char c = p.charAt(i);
            String chars;
            int next;
            if (c == '\\' && i + 1 < n) {
                char e = p.charAt(i + 1);
                if (e == 's') {
                    chars = SPACE;
                } else if (e < 128 && !Character.isLetterOrDigit(e)) {
                    chars = String.valueOf(e);
                } else {
                    break;
                }
                next = i + 2;
            } else if (c < 128 && META.indexOf(c) < 0) {
                chars = String.valueOf(Character.toLowerCase(c));
                next = i + 1;
            } else {
                break;
            }
            char q = next < n ? p.charAt(next) : 0;
            if (q == '?' || q == '*' || q == '{' || (fold && (chars.equals("s") || chars.equals("k")))
                    || words.size() * chars.length() > MAX_EXTENDED) {
                break;
            }
            List<String> out = new ArrayList<>(words.size() * chars.length());
            for (String w : words) {
                for (int k = 0; k < chars.length(); k++) {
                    out.add(w + chars.charAt(k));
                }
            }
            words.clear();
            words.addAll(out);
            i = next;
            if (q == '+') {
                break;
            }
        }
        return i;
    }

    /** Ends the current run: keeps it if it is the longest so far, and empties it. */
    private static String longer(String best, StringBuilder run) {
        String r = run.toString();
        run.setLength(0);
        return r.length() > best.length() ? r : best;
    }

    /** Skips a letter escape and its argument ({@code \x41}, {@code \x{263a}}, {@code \pL}, {@code \p{Greek}}, octal). */
    private static int skipEscape(String p, int letter) {
        char e = p.charAt(letter);
        int j = letter + 1;
        if (j < p.length() && p.charAt(j) == '{') {
            int close = p.indexOf('}', j);
            return close < 0 ? p.length() : close + 1;
        }
        int max = e == 'x' ? 2 : e == 'p' || e == 'P' ? 1 : Character.isDigit(e) ? 2 : 0;
        for (int k = 0; k < max && j < p.length() && Character.isLetterOrDigit(p.charAt(j)); k++) {
            j++;
        }
        return j;
    }

    /** Past the class opened at {@code i}; an unclosed class (RE2 rejects it) runs to the end. */
    private static int skipClass(String p, int i) {
        int end = RegexSyntax.classEnd(p, i);
        return end < 0 ? p.length() : end;
    }
}
