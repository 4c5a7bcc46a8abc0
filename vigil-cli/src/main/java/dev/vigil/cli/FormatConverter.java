package dev.vigil.cli;

import dev.vigil.cli.output.OutputFormat;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads {@code --format}, naming the allowed values when the given one is not among them. */
final class FormatConverter implements CommandLine.ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
        try {
            return OutputFormat.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("unknown format '" + value + "'; allowed: "
                    + Arrays.stream(OutputFormat.values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", ")));
        }
    }
}
