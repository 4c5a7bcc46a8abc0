package dev.vigil.formats.normalize;

import dev.vigil.formats.WindowsRecord;

/**
 * The Security log. Event 4688 (process creation) is mapped onto Sysmon's process-creation names by
 * {@code security-4688.tsv}, so one process_creation rule serves both sources; other events pass through.
 */
final class SecurityNormalizer implements ProviderNormalizer {

    private static final String PROCESS_CREATION = "4688";

    private final MappingTable processCreation = MappingTable.load("security-4688");

    @Override
    public boolean accepts(String service, String provider) {
        return "security".equals(service) || (service == null && "microsoft-windows-security-auditing".equals(provider));
    }

    @Override
    public void map(WindowsRecord in, String eventId, WindowsRecord out) {
        if (PROCESS_CREATION.equals(eventId)) {
            processCreation.apply(in, out);
        }
    }

    @Override
    public boolean hidesRaw(String eventId, String field) {
        // 4688's raw ProcessId is the creator's hex PID; the name now means the new process's decimal PID.
        return PROCESS_CREATION.equals(eventId) && processCreation.producesField(field);
    }

    @Override
    public String category(WindowsRecord in, String service, String eventId, EventCategories categories) {
        return categories.category("security", eventId);
    }
}
