package dev.vigil.cli;

import dev.vigil.core.run.RunSummary;
import dev.vigil.formats.InputProblem;
import picocli.CommandLine.Option;

import java.io.PrintStream;

/**
 * How commands that read inputs report what they could not read: the first N problems printed, every
 * one counted, and an exit code when there are more than the user allows. Fed from one thread.
 */
public final class InputProblemOptions {

    @Option(names = "--max-input-errors", paramLabel = "N", defaultValue = "-1",
            description = "exit with 3 when more than N records or files could not be read (default: no limit)")
    long maxInputErrors;

    @Option(names = "--show-input-errors", paramLabel = "N", defaultValue = "20",
            description = "print at most N input problems (all are counted; default: ${DEFAULT-VALUE})")
    int showInputErrors;

    private long seen;

    /** Counts a problem and prints it while under the limit (never when {@code quiet}). */
    void report(PrintStream err, InputProblem p, boolean quiet) {
        seen++;
        if (seen <= showInputErrors && !quiet) {
            err.println(p.render());
        }
    }

    /** Says how many problems were counted but not printed. */
    void printHidden(PrintStream err, boolean quiet) {
        if (seen > showInputErrors && !quiet) {
            err.printf("... and %d more input problems (all counted in the summary)%n", seen - showInputErrors);
        }
    }

    /** True when more records or files were skipped than {@code --max-input-errors} allows. */
    boolean tooMany(RunSummary summary) {
        long inputErrors = summary.recordsSkippedTotal() + summary.filesSkippedTotal();
        return maxInputErrors >= 0 && inputErrors > maxInputErrors;
    }
}
