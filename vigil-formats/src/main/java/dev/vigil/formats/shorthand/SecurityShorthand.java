package dev.vigil.formats.shorthand;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Security 4688 process creation. Canonical names are written back under 4688's own names
 * ({@code Image} → {@code NewProcessName}, {@code ParentImage} → {@code ParentProcessName},
 * {@code User} → {@code SubjectDomainName} + {@code SubjectUserName}); fields 4688 does not have
 * ({@code OriginalFileName}, {@code ParentCommandLine}, hashes) are dropped, as the source would.
 */
final class SecurityShorthand {

    private static final Map<String, String> RAW_NAMES = Map.of("Image", "NewProcessName", "ParentImage",
            "ParentProcessName");
    private static final java.util.Set<String> ABSENT = java.util.Set.of("OriginalFileName", "ParentCommandLine",
            "Hashes", "ParentUser", "ProcessGuid", "ParentProcessGuid", "Company", "Description", "Product");

    private SecurityShorthand() {
    }

    static String render(Map<String, String> fields) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("SubjectUserSid", "S-1-5-21-1-2-3-1001");
        data.put("SubjectUserName", "user");
        data.put("SubjectDomainName", "EXAMPLE");
        data.put("SubjectLogonId", "0x3e7");
        data.put("NewProcessId", "0x1092");
        data.put("TokenElevationType", "%%1936");
        data.put("ProcessId", "0x2a0");
        fields.forEach((k, v) -> {
            if (SysmonShorthand.SYSTEM.contains(k) || ABSENT.contains(k)) {
                return;
            }
            if (k.equals("User")) {
                int slash = v.indexOf('\\');
                data.put("SubjectDomainName", slash < 0 ? "" : v.substring(0, slash));
                data.put("SubjectUserName", v.substring(slash + 1));
            } else {
                data.put(RAW_NAMES.getOrDefault(k, k), v);
            }
        });
        return XmlEventText.event("Microsoft-Windows-Security-Auditing", "4688", "Security", fields, data);
    }
}
