package dev.vigil.core.engine.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces of RE2 syntax the literal readers ({@link RegexLiteral}, {@code RegexRuns}) must step over whole,
 * so that a character inside them is never taken for a literal the pattern requires.
 */
public final class RegexSyntax {

    private RegexSyntax() {
    }

    /**
     * The alternatives of a group body the caller has found to hold no nested group, class or escape: the
     * text between its {@code |}, after a leading {@code ?:}; an empty alternative stays (empty string).
     */
    public static List<String> alternatives(String body) {
        int from = body.startsWith("?:") ? 2 : 0;
        List<String> out = new ArrayList<>();
        while (true) {
            int bar = body.indexOf('|', from);
            if (bar < 0) {
                out.add(body.substring(from));
                return out;
            }
            out.add(body.substring(from, bar));
            from = bar + 1;
        }
    }

    /**
     * The index just past the {@code ]} closing the bracket class opened at {@code open}, or -1 when it is
     * not closed. A leading {@code ^} and a {@code ]} right after it are members; escapes and POSIX classes
     * ({@code [:alpha:]}) are stepped over, so their own {@code ]} does not close the class.
     */
    public static int classEnd(String p, int open) {
        int j = open + 1;
        if (j < p.length() && p.charAt(j) == '^') {
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            j++;
        }
        while (j < p.length()) {
            char c = p.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[' && j + 1 < p.length() && p.charAt(j + 1) == ':') {
                int close = p.indexOf(":]", j + 2);
                if (close < 0) {
                    return -1;
                }
                j = close + 2;
                continue;
            }
            if (c == ']') {
                return j + 1;
            }
            j++;
        }
        return -1;
    }
}
