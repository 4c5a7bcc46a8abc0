package dev.vigil.formats;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Instants as {@code yyyy-MM-ddTHH:mm:ss.<fraction>Z} in UTC, written digit by digit: decoders write one per
 * record (EVTX FILETIME values) and detections one each, where a formatter costs allocations and compile
 * time. Only years 1 to 9999 have this fixed layout; callers keep their own rules beyond them.
 */
public final class IsoUtc {

    private IsoUtc() {
    }

    /**
     * @param fraction       the fraction of the second, {@code 0 <= fraction < 10^fractionDigits}
     * @return the text, or null when the year is outside 1 to 9999
     */
    public static String text(long epochSecond, int fraction, int fractionDigits) {
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L));
        int year = date.getYear();
        if (year < 1 || year > 9999) {
            return null;
        }
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        byte[] t = new byte[21 + fractionDigits];
        digits(t, 0, year, 4);
        t[4] = '-';
        digits(t, 5, date.getMonthValue(), 2);
        t[7] = '-';
        digits(t, 8, date.getDayOfMonth(), 2);
        t[10] = 'T';
        digits(t, 11, secondOfDay / 3600, 2);
        t[13] = ':';
        digits(t, 14, secondOfDay / 60 % 60, 2);
        t[16] = ':';
        digits(t, 17, secondOfDay % 60, 2);
        t[19] = '.';
        digits(t, 20, fraction, fractionDigits);
        t[20 + fractionDigits] = 'Z';
        return new String(t, StandardCharsets.ISO_8859_1);
    }

    /** Writes {@code v} (0 <= v < 10^n) as exactly {@code n} decimal digits at {@code t[p]}. */
    private static void digits(byte[] t, int p, int v, int n) {
        for (int i = p + n - 1; i >= p; i--) {
            t[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }
}
