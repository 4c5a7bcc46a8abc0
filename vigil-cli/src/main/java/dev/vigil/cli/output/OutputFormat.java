package dev.vigil.cli.output;

import java.io.OutputStream;
import java.util.function.Function;

/** The output formats of {@code vigil hunt}, by the name {@code --format} takes. */
public enum OutputFormat {
    TABLE(TableWriter::new),
    JSONL(JsonlWriter::new),
    CSV(CsvWriter::new);

    private final Function<OutputStream, DetectionWriter> constructor;

    OutputFormat(Function<OutputStream, DetectionWriter> constructor) {
        this.constructor = constructor;
    }

    public DetectionWriter open(OutputStream out) {
        return constructor.apply(out);
    }
}
