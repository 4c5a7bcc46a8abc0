package dev.vigil.formats.normalize;

import dev.vigil.formats.WindowsRecord;

/**
 * Turns one provider's Windows records into canonical fields. Implementations are small and listed in
 * {@link ProviderKind}; {@link EventNormalizer} does everything common (System fields, time, host,
 * derived fields, raw fields).
 */
public interface ProviderNormalizer {

    /** Whether this normalizer handles records of this service (from the channel) and provider (lower case). */
    boolean accepts(String service, String provider);

    /** Writes the canonical fields this provider defines into {@code out}; raw fields are copied later. */
    void map(WindowsRecord in, String eventId, WindowsRecord out);

    /** Whether a raw field of this name must not be copied (its name now means the canonical value). */
    boolean hidesRaw(String eventId, String field);

    /** The Sigma category of the record, or null. */
    String category(WindowsRecord in, String service, String eventId, EventCategories categories);
}
