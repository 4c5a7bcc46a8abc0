package dev.vigil.formats.detection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Event times as detections print them: ISO-8601 in UTC with milliseconds. */
public final class Times {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** The time, or null when the event had none. */
    public static String iso(long epochMillis) {
        return epochMillis == Long.MIN_VALUE ? null : ISO.format(Instant.ofEpochMilli(epochMillis));
    }
}
