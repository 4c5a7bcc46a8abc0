package dev.vigil.core.stage;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Extracts named groups of a regular expression into columns ({@code | rex field=f "(?<name>...)"}).
 * The pattern runs on RE2 (linear time); a row where it does not match passes unchanged.
 */
public record Rex(String column, String regex, Pattern pattern, List<String> groups) implements Stage {

    public static Rex of(String column, String regex) {
        String re2 = regex.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!");
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\?P<([A-Za-z_][A-Za-z0-9_]*)>").matcher(re2);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new Rex(column, regex, Pattern.compile(re2), List.copyOf(names));
    }

    @Override
    public String describe() {
        return "rex field=" + column + " \"" + regex + "\"";
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        List<String> values = row.texts(column);
        if (values.isEmpty()) {
            out.accept(row);
            return;
        }
        Matcher m = pattern.matcher(values.get(0));
        if (!m.find()) {
            out.accept(row);
            return;
        }
        Row copy = row.copy();
        for (String g : groups) {
            String v = m.group(g);
            if (v != null) {
                copy.values().put(g, v);
            }
        }
        out.accept(copy);
    }
}
