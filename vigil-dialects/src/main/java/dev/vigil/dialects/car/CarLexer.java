package dev.vigil.dialects.car;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CAR pseudocode into tokens. Words are letters, digits and {@code _ . : * - \ / $ %} runs (so
 * {@code Process:Create}, {@code svchost.exe} and {@code 10.0.0.0/8} are single words); strings are
 * double- or single-quoted and end at the matching quote not preceded by a backslash escape; symbols are
 * {@code = == != < <= > >= ( ) [ ] ,}. Newlines are tokens because statements end at a line end outside
 * brackets.
 */
final class CarLexer {

    private final String text;
    private int pos;
    private int line = 1;
    private int col = 1;
    private final List<CarToken> out = new ArrayList<>();

    CarLexer(String text) {
        this.text = text;
    }

    /** Tokens, ending with EOF. An unterminated string runs to the end of its line and is flagged by the parser. */
    List<CarToken> tokens() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                add(CarToken.Kind.NEWLINE, "\n", "\n", 1);
                line++;
                col = 1;
            } else if (Character.isWhitespace(c)) {
                advance(1);
            } else if (c == '"' || c == '\'') {
                string(c);
            } else if ("=!<>".indexOf(c) >= 0) {
                int len = pos + 1 < text.length() && text.charAt(pos + 1) == '=' ? 2 : 1;
                String s = text.substring(pos, pos + len);
                add(CarToken.Kind.SYMBOL, s, s, len);
            } else if ("()[],".indexOf(c) >= 0) {
                add(CarToken.Kind.SYMBOL, String.valueOf(c), String.valueOf(c), 1);
            } else {
                word();
            }
        }
        out.add(new CarToken(CarToken.Kind.EOF, "", "", line, col, pos));
        return out;
    }

    private void string(char quote) {
        int start = pos;
        int i = pos + 1;
        StringBuilder content = new StringBuilder();
        boolean closed = false;
        while (i < text.length() && text.charAt(i) != '\n') {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == quote || text.charAt(i + 1) == '\\')) {
                content.append(c).append(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == quote) {
                closed = true;
                i++;
                break;
            }
            content.append(c);
            i++;
        }
        String raw = text.substring(start, i);
        out.add(new CarToken(closed ? CarToken.Kind.STRING : CarToken.Kind.SYMBOL, closed ? content.toString()
                : "unterminated", raw, line, col, start));
        col += i - pos;
        pos = i;
    }

    private void word() {
        int start = pos;
        int i = pos;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || "_.:*-\\/$%@#{}?+".indexOf(c) >= 0) {
                i++;
            } else {
                break;
            }
        }
        if (i == start) {
            i++; // a character no rule uses: one symbol token, the parser reports it
        }
        String w = text.substring(start, i);
        boolean number = w.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.') && Character.isDigit(w.charAt(0));
        out.add(new CarToken(number ? CarToken.Kind.NUMBER : (i - start == 1 && !Character.isLetterOrDigit(w.charAt(0))
                && "_*\\$%".indexOf(w.charAt(0)) < 0 ? CarToken.Kind.SYMBOL : CarToken.Kind.WORD), w, w, line, col, start));
        col += i - pos;
        pos = i;
    }

    private void add(CarToken.Kind kind, String t, String raw, int len) {
        out.add(new CarToken(kind, t, raw, line, col, pos));
        advance(len);
    }

    private void advance(int n) {
        pos += n;
        col += n;
    }
}
