package dev.vigil.cli;

import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What {@code vigil dump} prints per record. */
enum DumpFormat {
    /** One JSON object per line: {@code {"source":{"path","record"},"event":{...canonical fields...}}}. */
    JSONL,
    /** One Windows event XML {@code <Event>} per line (EVTX records only). */
    XML;

    /** Reads {@code --format}, naming the allowed values when the given one is not among them. */
    static final class Converter implements CommandLine.ITypeConverter<DumpFormat> {
        @Override
        public DumpFormat convert(String value) {
            try {
                return DumpFormat.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown format '" + value + "'; allowed: "
                        + Arrays.stream(DumpFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                        .collect(Collectors.joining(", ")));
            }
        }
    }
}
