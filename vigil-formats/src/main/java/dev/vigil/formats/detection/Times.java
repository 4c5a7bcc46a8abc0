package dev.vigil.formats.detection;

import java.time.Instant;
import java.time.LocalDateTime;
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
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1 || year > 9999) {
            return ISO.format(Instant.ofEpochMilli(epochMillis));
        }
        char[] c = new char[24];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, (int) Math.floorMod(epochMillis, 1000L), 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
