package dev.vigil.dialects.spl;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SPL text into {@link SplToken}s. Two modes: {@code search} mode, where a value such as
 * {@code C:\\Windows\\*\\net.exe} or {@code *share*} is one word, and {@code eval} mode (for
 * {@code where}/{@code eval}), where {@code + - * / %} are operators and single quotes name a field.
 * Never throws: an unterminated string runs to the end of the text and is reported by
 * {@link #problems()}.
 */
final class SplLexer {

    private final String text;
    private final int base;
    private final boolean evalMode;
    private final List<String> problems = new ArrayList<>();
    private final List<Integer> problemOffsets = new ArrayList<>();

    SplLexer(String text, int base, boolean evalMode) {
        this.text = text;
        this.base = base;
        this.evalMode = evalMode;
    }

    List<String> problems() {
        return problems;
    }

    List<Integer> problemOffsets() {
        return problemOffsets;
    }

    List<SplToken> tokens() {
        List<SplToken> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            int ws = i;
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            boolean space = i > ws || out.isEmpty();
            if (i >= n) {
                out.add(new SplToken(SplToken.Type.EOF, "", "", base + n, base + n, true));
                return out;
            }
            char c = text.charAt(i);
            int start = i;
            if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
                SplToken.Type t = c == '(' ? SplToken.Type.LPAREN : c == ')' ? SplToken.Type.RPAREN
                        : c == '[' ? SplToken.Type.LBRACKET : c == ']' ? SplToken.Type.RBRACKET : SplToken.Type.COMMA;
                out.add(new SplToken(t, String.valueOf(c), String.valueOf(c), base + i, base + i + 1, space));
                i++;
            } else if (c == '"' || (evalMode && c == '\'')) {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n && (text.charAt(i + 1) == '\\' || text.charAt(i + 1) == c)) {
                        sb.append(text.charAt(i + 1));
                        i += 2;
                    } else if (d == c) {
                        i++;
                        closed = true;
                        break;
                    } else {
                        sb.append(d);
                        i++;
                    }
                }
                if (!closed) {
                    problems.add("unterminated string");
                    problemOffsets.add(base + start);
                }
                SplToken.Type t = c == '"' ? SplToken.Type.STRING : SplToken.Type.WORD;
                out.add(new SplToken(t, sb.toString(), text.substring(start, i), base + start, base + i, space));
            } else if (isOperatorStart(i)) {
                int len = operatorLength(i);
                String op = text.substring(i, i + len);
                out.add(new SplToken(SplToken.Type.OP, op, op, base + i, base + i + len, space));
                i += len;
            } else {
                while (i < n && !endsWord(i)) {
                    i++;
                }
                String raw = text.substring(start, i);
                out.add(new SplToken(SplToken.Type.WORD, evalMode ? raw : unescape(raw), raw, base + start, base + i,
                        space));
            }
        }
    }

    private boolean isOperatorStart(int i) {
        char c = text.charAt(i);
        if (c == '=' || c == '<' || c == '>') {
            return true;
        }
        if (c == '!') {
            return evalMode || (i + 1 < text.length() && text.charAt(i + 1) == '=');
        }
        if (evalMode && (c == '+' || c == '-' || c == '*' || c == '/' || c == '%')) {
            return true;
        }
        // a lone '.' between spaces is eval's concatenation operator
        return evalMode && c == '.' && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1)));
    }

    private int operatorLength(int i) {
        char c = text.charAt(i);
        boolean twoChar = i + 1 < text.length() && text.charAt(i + 1) == '='
                && (c == '=' || c == '!' || c == '<' || c == '>');
        return twoChar ? 2 : 1;
    }

    private boolean endsWord(int i) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == '"'
                || c == '=' || c == '<' || c == '>') {
            return true;
        }
        if (c == '!') {
            return evalMode || (i + 1 < text.length() && text.charAt(i + 1) == '=');
        }
        if (evalMode) {
            return c == '+' || c == '-' || c == '*' || c == '/' || c == '%' || c == '\'';
        }
        return false;
    }

    /** SPL's backslash rule: {@code \\} is one backslash, {@code \"} a quote; any other backslash is literal. */
    static String unescape(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length() && (raw.charAt(i + 1) == '\\' || raw.charAt(i + 1) == '"')) {
                sb.append(raw.charAt(++i));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
