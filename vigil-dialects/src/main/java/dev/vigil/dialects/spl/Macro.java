package dev.vigil.dialects.spl;

import java.util.List;

/**
 * A search macro: {@code `name`} or {@code `name(a, b)`} is replaced by {@code definition} with each
 * {@code $argument$} replaced by the text given for it. Macros are keyed by name and arity, as Splunk
 * keys them ({@code name(2)}).
 *
 * @param origin where the definition came from (a file, or {@code built-in})
 */
public record Macro(String name, List<String> arguments, String definition, String origin) {

    public Macro {
        arguments = List.copyOf(arguments);
    }

    public String key() {
        return key(name, arguments.size());
    }

    static String key(String name, int arity) {
        return arity == 0 ? name : name + "(" + arity + ")";
    }

    String expand(List<String> values) {
        String out = definition;
        for (int i = 0; i < arguments.size(); i++) {
            out = out.replace("$" + arguments.get(i) + "$", values.get(i));
        }
        return out;
    }
}
