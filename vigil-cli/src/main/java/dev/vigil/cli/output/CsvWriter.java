package dev.vigil.cli.output;

import dev.vigil.formats.detection.Times;
import dev.vigil.core.engine.Detection;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** RFC 4180 CSV with a header row; one detection per row. */
final class CsvWriter implements DetectionWriter {

    private static final List<String> HEADER = List.of("time", "host", "analytic_id", "analytic_title",
            "implementation", "techniques", "tactics", "risk_score", "source_path", "source_record", "event_id",
            "image", "command_line", "user", "row");

    private final BufferedWriter out;

    CsvWriter(OutputStream os) {
        this.out = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
        try {
            line(HEADER);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void write(Detection d) throws IOException {
        String time = Times.iso(d.timeMillis());
        Double score = d.analytic().risk().score();
        line(List.of(time == null ? "" : time, d.host() == null ? "" : d.host(), d.analytic().id(),
                d.analytic().title(), d.implementation().dialect(), DetectionColumns.techniques(d),
                DetectionColumns.tactics(d), score == null ? "" : score.toString(),
                d.isRow() ? "" : d.event().origin().path(), d.isRow() ? "" : Long.toString(d.event().origin().record()),
                d.isRow() ? "" : DetectionColumns.field(d, DetectionColumns.EVENT_ID),
                DetectionColumns.field(d, DetectionColumns.IMAGE), DetectionColumns.field(d, DetectionColumns.COMMAND_LINE),
                DetectionColumns.field(d, DetectionColumns.USER), d.isRow() ? DetectionColumns.summary(d) : ""));
    }

    private void line(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
