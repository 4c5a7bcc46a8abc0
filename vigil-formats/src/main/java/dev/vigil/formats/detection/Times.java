package dev.vigil.formats.detection;

import dev.vigil.formats.IsoUtc;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Event times as detections print them: ISO-8601 in UTC with milliseconds. */
public final class Times {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /**
     * The time, or null when the event had none. Years 1 to 9999 are written digit by digit: every
     * detection prints one, and the formatter's fraction goes through {@code BigDecimal}, which a hunt of
     * tens of thousands of detections then spends compile time and allocations on. Other years take the
     * formatter (its sign and era rules).
     */
    public static String iso(long epochMillis) {
        if (epochMillis == Long.MIN_VALUE) {
            return null;
        }
        String text = IsoUtc.text(Math.floorDiv(epochMillis, 1000L), (int) Math.floorMod(epochMillis, 1000L), 3);
        return text != null ? text : ISO.format(Instant.ofEpochMilli(epochMillis));
    }
}
