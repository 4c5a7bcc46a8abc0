package dev.vigil.core.analytic;

import java.util.Map;

/**
 * An event of a test, as the author wrote it: a shorthand ({@code sysmon}, {@code security}, {@code ecs}:
 * a few fields, the rest filled with plausible defaults), a full event in any format Vigil reads
 * ({@code xml}, {@code json}), or a file next to the analytic ({@code file}).
 *
 * @param kind   {@code sysmon}, {@code security}, {@code ecs}, {@code xml}, {@code json} or {@code file}
 * @param fields the shorthand's fields (empty for the other kinds)
 * @param text   the event text, or the file path relative to the analytic's file
 */
public record TestInput(String kind, Map<String, String> fields, String text) {

    public TestInput {
        fields = Map.copyOf(fields);
    }
}
