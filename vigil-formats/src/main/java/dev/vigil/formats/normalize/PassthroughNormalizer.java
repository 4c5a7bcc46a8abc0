package dev.vigil.formats.normalize;

import dev.vigil.formats.WindowsRecord;

/** Any other provider: EventData passes through by its own names; the category comes from the table. */
final class PassthroughNormalizer implements ProviderNormalizer {

    @Override
    public boolean accepts(String service, String provider) {
        return true;
    }

    @Override
    public void map(WindowsRecord in, String eventId, WindowsRecord out) {
        // nothing to rename
    }

    @Override
    public boolean hidesRaw(String eventId, String field) {
        return false;
    }

    @Override
    public String category(WindowsRecord in, String service, String eventId, EventCategories categories) {
        return categories.category(service, eventId);
    }
}
