package dev.vigil.formats.schema;

import dev.vigil.formats.WindowsRecord;
import dev.vigil.formats.normalize.MappingTable;
import java.util.Map;

/**
 * ECS / Winlogbeat JSON. {@code winlog.event_data.X} becomes {@code X} first (the event's own names win),
 * then {@code ecs.tsv} fills System names and Sysmon names from ECS fields ({@code process.executable} →
 * {@code Image}, ...), then every ECS field stays reachable by its dotted name.
 */
final class EcsSchema implements SourceSchema {

    private static final String EVENT_DATA = "winlog.event_data.";
    private static final String USER_DATA = "winlog.user_data.";

    private final MappingTable table = MappingTable.load("ecs");

    @Override
    public boolean accepts(Map<String, Object> flat) {
        return flat.containsKey("winlog.event_id") || flat.containsKey("winlog.channel")
                || flat.containsKey("winlog.provider_name") || flat.containsKey("ecs.version");
    }

    @Override
    public WindowsRecord toWindows(Map<String, Object> flat) {
        WindowsRecord in = new WindowsRecord("ecs", true);
        flat.forEach(in::put);
        WindowsRecord out = new WindowsRecord("ecs", true);
        WindowsRecord data = new WindowsRecord("ecs", true);
        for (Map.Entry<String, Object> e : flat.entrySet()) {
            String k = e.getKey();
            if (k.startsWith(EVENT_DATA)) {
                data.putIfAbsent(k.substring(EVENT_DATA.length()), e.getValue());
            } else if (k.startsWith(USER_DATA)) {
                data.putIfAbsent(leaf(k), e.getValue());
            }
        }
        data.forEach(out::putIfAbsent);
        table.apply(in, out);
        flat.forEach(out::putIfAbsent);
        return out;
    }

    private static String leaf(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
}
