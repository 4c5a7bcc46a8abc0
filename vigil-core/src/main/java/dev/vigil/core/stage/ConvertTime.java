package dev.vigil.core.stage;

import dev.vigil.core.engine.NumericText;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns epoch-second columns into text ({@code convert ctime(f)}). Splunk formats in the searching user's
 * time zone; Vigil always formats in UTC, so the same input gives the same rows on every machine. The
 * format is strftime ({@code %Y %m %d %H %M %S %z %Z %j %b %a %p %I %y %%}, plus {@code %3N}/{@code %6N}
 * sub-seconds); anything else is copied.
 */
public record ConvertTime(List<String> columns, String format) implements Stage {

    /** Splunk's default {@code ctime} format. */
    public static final String DEFAULT_FORMAT = "%m/%d/%Y %H:%M:%S";

    public ConvertTime {
        columns = List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "convert timeformat=\"" + format + "\" ctime(" + String.join(", ", columns) + ") [UTC]";
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        Row copy = row.copy();
        for (String c : columns) {
            Object v = copy.get(c);
            if (v == null || v instanceof List<?>) {
                continue;
            }
            double seconds = v instanceof Number n ? n.doubleValue() : NumericText.parse(String.valueOf(v));
            if (!Double.isNaN(seconds)) {
                copy.values().put(c, format(seconds, format));
            }
        }
        out.accept(copy);
    }

    public static String format(double epochSeconds, String format) {
        long millis = Math.round(epochSeconds * 1000d);
        ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            if (Character.isDigit(d) && i + 1 < format.length() && format.charAt(i + 1) == 'N') {
                int digits = d - '0';
                String nanos = String.format("%09d", t.getNano());
                sb.append(nanos, 0, Math.min(9, Math.max(1, digits)));
                i++;
                continue;
            }
            sb.append(field(t, d));
        }
        return sb.toString();
    }

    private static String field(ZonedDateTime t, char d) {
        return switch (d) {
            case 'Y' -> String.format("%04d", t.getYear());
            case 'y' -> String.format("%02d", t.getYear() % 100);
            case 'm' -> String.format("%02d", t.getMonthValue());
            case 'd' -> String.format("%02d", t.getDayOfMonth());
            case 'H' -> String.format("%02d", t.getHour());
            case 'I' -> String.format("%02d", t.getHour() % 12 == 0 ? 12 : t.getHour() % 12);
            case 'M' -> String.format("%02d", t.getMinute());
            case 'S' -> String.format("%02d", t.getSecond());
            case 'j' -> String.format("%03d", t.getDayOfYear());
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'b' -> t.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT);
            case 'a' -> t.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ROOT);
            case 'z' -> "+0000";
            case 'Z' -> "UTC";
            case '%' -> "%";
            default -> "%" + d;
        };
    }
}
