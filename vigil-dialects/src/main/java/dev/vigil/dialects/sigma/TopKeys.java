package dev.vigil.dialects.sigma;

/**
 * Which top-level keys a YAML text has, read line by line: a line that starts with the key, then white
 * space (line breaks included), then a colon. The same lines as the pattern {@code (?m)^key\s*:} finds,
 * without a regex: every YAML file of a rule directory is read through here before any is parsed, and a
 * regex over thousands of files keeps the optimising compiler busy with {@code java.util.regex} for half a
 * second of a one-core hunt's start.
 */
final class TopKeys {

    private boolean detection;
    private boolean logsource;
    private boolean other;

    private TopKeys() {
    }

    static TopKeys of(String text) {
        TopKeys k = new TopKeys();
        int n = text.length();
        int at = 0;
        while (at < n) {
            k.line(text, at);
            at = nextLine(text, at);
        }
        return k;
    }

    /** A rule: {@code detection:} and {@code logsource:}. */
    boolean rule() {
        return detection && logsource;
    }

    /** A correlation or a filter. */
    boolean correlationOrFilter() {
        return other;
    }

    private void line(String text, int at) {
        char c = text.charAt(at);
        if (c == 'd' && key(text, at, "detection")) {
            detection = true;
        } else if (c == 'l' && key(text, at, "logsource")) {
            logsource = true;
        } else if ((c == 'c' && key(text, at, "correlation")) || (c == 'f' && key(text, at, "filter"))) {
            other = true;
        }
    }

    private static boolean key(String text, int at, String key) {
        if (!text.startsWith(key, at)) {
            return false;
        }
        int i = at + key.length();
        while (i < text.length() && space(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':';
    }

    /** {@code \s} of {@link java.util.regex.Pattern}. */
    private static boolean space(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    /**
     * Where the line after the one at {@code at} starts, as {@code (?m)^} counts lines: after a line feed,
     * a carriage return (with its line feed), U+0085, U+2028 or U+2029; {@code text.length()} at the end.
     */
    private static int nextLine(String text, int at) {
        int n = text.length();
        for (int i = at; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return i + 1;
            }
            if (c == '\r') {
                return i + 1 < n && text.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            }
        }
        return n;
    }
}
