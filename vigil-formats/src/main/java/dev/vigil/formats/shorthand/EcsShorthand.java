package dev.vigil.formats.shorthand;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Winlogbeat (ECS) Sysmon process start as one JSON line. Canonical names are written under their ECS
 * names ({@code Image} → {@code process.executable}, {@code CommandLine} → {@code process.command_line},
 * ...); dotted names are taken as ECS paths.
 */
final class EcsShorthand {

    private static final Map<String, String> ECS = Map.of(
            "Image", "process.executable",
            "CommandLine", "process.command_line",
            "ParentImage", "process.parent.executable",
            "ParentCommandLine", "process.parent.command_line",
            "OriginalFileName", "process.pe.original_file_name",
            "ProcessId", "process.pid",
            "CurrentDirectory", "process.working_directory");

    private EcsShorthand() {
    }

    static String render(Map<String, String> fields) {
        Map<String, Object> root = new LinkedHashMap<>();
        put(root, "@timestamp", fields.get("TimeCreated"));
        put(root, "event.code", "1");
        put(root, "event.provider", "Microsoft-Windows-Sysmon");
        put(root, "winlog.channel", "Microsoft-Windows-Sysmon/Operational");
        put(root, "winlog.provider_name", "Microsoft-Windows-Sysmon");
        put(root, "winlog.event_id", "1");
        put(root, "winlog.record_id", fields.get("EventRecordID"));
        put(root, "winlog.computer_name", fields.getOrDefault("Computer", "TEST-HOST.example"));
        fields.forEach((k, v) -> {
            if (SysmonShorthand.SYSTEM.contains(k)) {
                return;
            }
            if (k.equals("User")) {
                int slash = v.indexOf('\\');
                put(root, "user.domain", slash < 0 ? "" : v.substring(0, slash));
                put(root, "user.name", v.substring(slash + 1));
            } else if (ECS.containsKey(k)) {
                put(root, ECS.get(k), v);
            } else if (k.indexOf('.') > 0) {
                put(root, k, v);
            } else {
                put(root, "winlog.event_data." + k, v);
            }
        });
        return json(root) + "\n";
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String dotted, String value) {
        String[] parts = dotted.startsWith("@") ? new String[] {dotted} : dotted.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) {
            m = (Map<String, Object>) m.computeIfAbsent(parts[i], p -> new LinkedHashMap<String, Object>());
        }
        m.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static String json(Object v) {
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(string(e.getKey())).append(':').append(json(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return string(String.valueOf(v));
    }

    private static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
