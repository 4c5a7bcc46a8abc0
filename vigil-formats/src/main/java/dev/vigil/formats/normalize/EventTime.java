package dev.vigil.formats.normalize;

/**
 * Parses the timestamps Windows sources write into epoch milliseconds (UTC), without regex or
 * {@code java.time} allocation on the hot path:
 * <pre>
 *   time     := date ('T' | ' ') clock fraction? zone?
 *   date     := YYYY '-' MM '-' DD
 *   clock    := hh ':' mm ':' ss
 *   fraction := '.' digit{1,9}        (Windows XML 7 digits, evtx JSON 6, Sysmon UtcTime 3)
 *   zone     := 'Z' | ('+' | '-') hh ':'? mm
 * </pre>
 * A time without zone is taken as UTC: Sysmon's {@code UtcTime} and the evtx crate's output are UTC,
 * and NXLog's {@code EventTime} carries no zone to do better with.
 */
public final class EventTime {

    private EventTime() {}

    /** Epoch milliseconds, or {@link Long#MIN_VALUE} when the text is not such a time. */
    public static long parse(String s) {
        if (s == null) {
            return Long.MIN_VALUE;
        }
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return Long.MIN_VALUE;
        }
        char sep = s.charAt(10);
        if (sep != 'T' && sep != ' ') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return Long.MIN_VALUE;
        }
        int i = 19;
        int millis = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int scale = 100;
            int start = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                if (scale > 0) {
                    millis += (s.charAt(i) - '0') * scale;
                    scale /= 10;
                }
                i++;
            }
            if (i == start) {
                return Long.MIN_VALUE;
            }
        }
        long offsetMinutes = 0;
        if (i < n) {
            char z = s.charAt(i);
            if (z == 'Z' || z == 'z') {
                i++;
            } else if (z == '+' || z == '-') {
                int oh = digits(s, i + 1, 2);
                int mi = i + 3 < n && s.charAt(i + 3) == ':' ? i + 4 : i + 3;
                int om = digits(s, mi, 2);
                if (oh < 0 || om < 0) {
                    return Long.MIN_VALUE;
                }
                offsetMinutes = (z == '+' ? 1 : -1) * (oh * 60L + om);
                i = mi + 2;
            }
            if (i != n) {
                return Long.MIN_VALUE;
            }
        }
        long days = daysFromCivil(year, month, day);
        long secs = days * 86400L + hour * 3600L + minute * 60L + second - offsetMinutes * 60L;
        return secs * 1000L + millis;
    }

    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil-date algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
