package dev.vigil.formats.shorthand;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A Sysmon process creation (event 1): the given fields, with the System part and ids filled in. */
final class SysmonShorthand {

    static final Set<String> SYSTEM = Set.of("EventRecordID", "TimeCreated", "Computer");

    private SysmonShorthand() {
    }

    static String render(Map<String, String> fields) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("RuleName", "-");
        data.put("UtcTime", fields.get("TimeCreated").replace('T', ' ').replace("Z", ""));
        data.put("ProcessGuid", "{00000000-0000-0000-0000-" + String.format("%012d", Long.parseLong(fields.get("EventRecordID"))) + "}");
        data.put("ProcessId", "4242");
        fields.forEach((k, v) -> {
            if (!SYSTEM.contains(k)) {
                data.put(k, v);
            }
        });
        return XmlEventText.event("Microsoft-Windows-Sysmon", "1", "Microsoft-Windows-Sysmon/Operational", fields, data);
    }
}
