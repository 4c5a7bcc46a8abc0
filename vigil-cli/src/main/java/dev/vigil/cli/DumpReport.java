package dev.vigil.cli;

import dev.vigil.core.run.RunSummary;

import java.io.PrintStream;
import java.util.Locale;

/** The summary at the end of {@code vigil dump}, in the style of {@link RunReport}: every file and record accounted for. */
final class DumpReport {

    private final RunSummary summary;
    private final double seconds;

    DumpReport(RunSummary summary, double seconds) {
        this.summary = summary;
        this.seconds = seconds;
    }

    void print(PrintStream err) {
        err.println();
        err.println("Summary");
        err.printf(Locale.ROOT, "  files       %,d read, %,d skipped%s%n", summary.filesRead(),
                summary.filesSkippedTotal(), RunReport.reasons(summary.filesSkipped()));
        err.printf(Locale.ROOT, "  records     %,d read: %,d dumped, %,d skipped%s%n", summary.recordsRead(),
                summary.eventsEvaluated(), summary.recordsSkippedTotal(), RunReport.reasons(summary.recordsSkipped()));
        err.printf(Locale.ROOT, "  time        %.2f s (%,.0f records/s, %.1f MB/s)%n", seconds,
                summary.recordsRead() / Math.max(seconds, 1e-3), summary.bytesRead() / 1e6 / Math.max(seconds, 1e-3));
    }
}
