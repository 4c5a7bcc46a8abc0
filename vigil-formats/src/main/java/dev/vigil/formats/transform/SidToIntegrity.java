package dev.vigil.formats.transform;

import java.util.Map;

/**
 * A mandatory-label SID ({@code S-1-16-12288}) to the integrity level name Sysmon writes ({@code High}),
 * so 4688's {@code MandatoryLabel} answers the same rules as Sysmon's {@code IntegrityLevel}.
 */
final class SidToIntegrity implements Transform {

    private static final Map<String, String> LEVELS = Map.of(
            "S-1-16-0", "Untrusted",
            "S-1-16-4096", "Low",
            "S-1-16-8192", "Medium",
            "S-1-16-8448", "MediumPlus",
            "S-1-16-12288", "High",
            "S-1-16-16384", "System",
            "S-1-16-20480", "Protected",
            "S-1-16-28672", "Secure");

    @Override
    public String apply(String[] sources) {
        String s = sources[0];
        if (s == null) {
            return null;
        }
        String name = LEVELS.get(s.trim().toUpperCase(java.util.Locale.ROOT));
        return name != null ? name : s;
    }
}
