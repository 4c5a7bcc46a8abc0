package dev.vigil.formats.shorthand;

import dev.vigil.core.analytic.TestInput;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a test's shorthand event (a few fields of a process creation) into the full event text a source
 * would log, so a test exercises the same reader and normalizer as real logs do. Kinds: {@code sysmon}
 * (Sysmon event 1 XML), {@code security} (Security 4688 XML), {@code ecs} (Winlogbeat JSON). Fields may
 * be given by canonical names ({@code Image}, {@code CommandLine}, {@code ParentImage},
 * {@code OriginalFileName}, {@code User}, ...) or by the source's own names.
 */
public final class ShorthandEvent {

    private static final Map<String, Function<Map<String, String>, String>> RENDERERS = Map.of(
            "sysmon", SysmonShorthand::render,
            "security", SecurityShorthand::render,
            "ecs", EcsShorthand::render);

    private ShorthandEvent() {
    }

    public static boolean isShorthand(String kind) {
        return RENDERERS.containsKey(kind);
    }

    /** The event text for a shorthand input; {@code ordinal} makes record ids and times distinct. */
    public static byte[] render(TestInput input, int ordinal) {
        Map<String, String> f = new java.util.LinkedHashMap<>(input.fields());
        f.putIfAbsent("EventRecordID", Integer.toString(1000 + ordinal));
        f.putIfAbsent("TimeCreated", String.format(java.util.Locale.ROOT, "2026-01-01T00:00:%02d.000Z", ordinal % 60));
        return RENDERERS.get(input.kind()).apply(f).getBytes(StandardCharsets.UTF_8);
    }
}
