package dev.vigil.core.stage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Renames columns. A pattern may hold one {@code *} on each side ({@code Processes.* AS *}): the part the
 * star matched is carried over. A column that matches no pattern keeps its name; renaming onto an existing
 * column replaces it.
 */
public record Rename(List<Rule> rules) implements Stage {

    /** One {@code from AS to} pair. */
    public record Rule(String from, String to) {

        /** The new name for {@code column}, or null when this rule does not apply to it. */
        public String apply(String column) {
            int star = from.indexOf('*');
            if (star < 0) {
                return column.equals(from) ? to : null;
            }
            String head = from.substring(0, star);
            String tail = from.substring(star + 1);
            if (column.length() < head.length() + tail.length() || !column.startsWith(head) || !column.endsWith(tail)) {
                return null;
            }
            String middle = column.substring(head.length(), column.length() - tail.length());
            return to.replace("*", middle);
        }
    }

    public Rename {
        rules = List.copyOf(rules);
    }

    /** The name a column has after this stage (for compile-time name tracking). */
    public String rename(String column) {
        for (Rule r : rules) {
            String n = r.apply(column);
            if (n != null) {
                return n;
            }
        }
        return column;
    }

    @Override
    public String describe() {
        return "rename " + rules.stream().map(r -> r.from() + " AS " + r.to()).collect(Collectors.joining(", "));
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : row.values().entrySet()) {
            values.put(rename(e.getKey()), e.getValue());
        }
        out.accept(new Row(values, row.sources(), row.timeMillis(), row.host()));
    }
}
