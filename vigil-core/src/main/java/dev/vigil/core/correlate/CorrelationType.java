package dev.vigil.core.correlate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a correlation counts inside its window (Sigma correlation {@code type}): events, distinct values of
 * a field, distinct rules, or rules seen in the order they are listed.
 */
public enum CorrelationType {
    EVENT_COUNT,
    VALUE_COUNT,
    TEMPORAL,
    TEMPORAL_ORDERED;

    /** The Sigma spelling: {@code event_count}, {@code temporal_ordered}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CorrelationType> byKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
