package dev.vigil.formats.normalize;

import dev.vigil.formats.WindowsRecord;

/**
 * Sysmon (every event ID). Its EventData names already are the canonical names, so there is nothing to
 * rename; what is Sysmon-specific is the category, which depends on the event ID — and for event 12 on
 * {@code EventType}, because Sysmon logs both key creation and deletion under one ID.
 */
final class SysmonNormalizer implements ProviderNormalizer {

    @Override
    public boolean accepts(String service, String provider) {
        return "sysmon".equals(service) || (service == null && "microsoft-windows-sysmon".equals(provider));
    }

    @Override
    public void map(WindowsRecord in, String eventId, WindowsRecord out) {
        // Sysmon's own names are canonical.
    }

    @Override
    public boolean hidesRaw(String eventId, String field) {
        return false;
    }

    @Override
    public String category(WindowsRecord in, String service, String eventId, EventCategories categories) {
        if ("12".equals(eventId)) {
            String type = in.text("EventType");
            if (type != null && type.startsWith("Delete")) {
                return "registry_delete";
            }
        }
        return categories.category("sysmon", eventId);
    }
}
