package dev.vigil.cli.output;

import dev.vigil.formats.detection.Times;
import dev.vigil.core.engine.Detection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A readable table, streamed row by row so long hunts show results as they come. Long values are cut
 * with an ellipsis; JSONL and CSV carry the full values.
 */
final class TableWriter implements DetectionWriter {

    private static final int[] WIDTHS = {24, 22, 20, 8, 10, 60, 0};
    private static final String[] HEADER = {"time (UTC)", "host", "analytic", "dialect", "technique", "what",
            "source"};

    private final PrintStream out;
    private boolean headerDone;

    TableWriter(OutputStream os) {
        this.out = new PrintStream(os, false, StandardCharsets.UTF_8);
    }

    @Override
    public void write(Detection d) throws IOException {
        if (!headerDone) {
            row(HEADER);
            StringBuilder rule = new StringBuilder();
            for (int w : WIDTHS) {
                rule.append("-".repeat(w == 0 ? 20 : w)).append(w == 0 ? "" : "  ");
            }
            out.println(rule.toString().stripTrailing());
            headerDone = true;
        }
        String time = Times.iso(d.timeMillis());
        row(new String[] {time == null ? "-" : time, d.host() == null ? "-" : d.host(), d.analytic().id(),
                d.implementation().dialect(), DetectionColumns.techniques(d), DetectionColumns.summary(d),
                DetectionColumns.source(d)});
    }

    private void row(String[] cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i].replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
            int w = WIDTHS[i];
            if (w == 0) {
                sb.append(c);
            } else {
                if (c.length() > w) {
                    c = c.substring(0, w - 1) + "…";
                }
                sb.append(c).append(" ".repeat(w - c.length())).append("  ");
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    @Override
    public void close() {
        if (!headerDone) {
            out.println("no detections");
        }
        out.flush();
    }
}
