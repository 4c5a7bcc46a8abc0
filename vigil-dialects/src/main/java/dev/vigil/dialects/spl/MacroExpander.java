package dev.vigil.dialects.spl;

import dev.vigil.core.diag.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Expands backtick macros textually, before any parsing, as Splunk does: recursively, keyed by name and
 * arity, with a cycle check and a depth limit. Backticks inside double-quoted strings are left alone
 * (PowerShell's escape character is a backtick); {@code ```comments```} are dropped. An unknown macro is
 * reported and left unexpanded.
 */
final class MacroExpander {

    private static final int MAX_DEPTH = 20;

    private final MacroTable table;
    private final BiConsumer<Integer, String> problem;
    private final List<String> unknown = new ArrayList<>();

    /** {@code problem} receives the author's offset and a message for each macro that cannot be expanded. */
    MacroExpander(MacroTable table, BiConsumer<Integer, String> problem) {
        this.table = table;
        this.problem = problem;
    }

    ExpandedText expand(String text) {
        StringBuilder out = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        expandInto(text, null, out, origin, new ArrayList<>(), 0);
        int[] o = new int[origin.size()];
        for (int i = 0; i < o.length; i++) {
            o[i] = origin.get(i);
        }
        return new ExpandedText(out.toString(), o);
    }

    private void expandInto(String text, Integer fixedOrigin, StringBuilder out, List<Integer> origin,
                            List<String> stack, int depth) {
        boolean inString = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int here = fixedOrigin != null ? fixedOrigin : i;
            if (c == '"' && !escaped(text, i)) {
                inString = !inString;
            }
            if (c == '`' && !inString && text.startsWith("```", i)) {
                // A ```comment``` (SPL's inline comment) is dropped, as Splunk drops it before parsing.
                int end = text.indexOf("```", i + 3);
                i = end < 0 ? text.length() : end + 3;
                continue;
            }
            int close = c == '`' && !inString ? text.indexOf('`', i + 1) : -1;
            if (close < 0) {
                out.append(c);
                origin.add(here);
                i++;
                continue;
            }
            String call = text.substring(i + 1, close).trim();
            String name = call;
            List<String> args = List.of();
            int paren = call.indexOf('(');
            if (paren > 0 && call.endsWith(")")) {
                name = call.substring(0, paren).trim();
                args = splitArguments(call.substring(paren + 1, call.length() - 1));
            }
            String key = Macro.key(name, args.size());
            var macro = table.find(name, args.size());
            if (macro.isEmpty()) {
                String hint = Suggestions.closest(name, table.names()).map(s -> " (did you mean '" + s + "'?)")
                        .orElse("");
                problem.accept(here, "unknown macro '" + key + "'" + hint);
                unknown.add(key);
                for (int k = i; k <= close; k++) {
                    out.append(text.charAt(k));
                    origin.add(fixedOrigin != null ? fixedOrigin : k);
                }
            } else if (stack.contains(key) || depth >= MAX_DEPTH) {
                problem.accept(here, "macro '" + key + "' expands into itself (" + String.join(" -> ", stack)
                        + " -> " + key + ")");
                unknown.add(key);
            } else {
                stack.add(key);
                expandInto(macro.get().expand(args), here, out, origin, stack, depth + 1);
                stack.remove(stack.size() - 1);
            }
            i = close + 1;
        }
    }

    // A quote is escaped by an odd number of backslashes before it: in "C:\\" the quote closes the string.
    private static boolean escaped(String text, int quote) {
        int n = 0;
        for (int k = quote - 1; k >= 0 && text.charAt(k) == '\\'; k--) {
            n++;
        }
        return n % 2 == 1;
    }

    /** True when some macro could not be expanded. */
    boolean failed() {
        return !unknown.isEmpty();
    }

    static List<String> splitArguments(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                out.add(cur.toString().trim());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString().trim());
        return out;
    }
}
