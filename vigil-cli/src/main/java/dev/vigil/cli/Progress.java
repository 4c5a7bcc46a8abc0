package dev.vigil.cli;

import dev.vigil.core.run.RunSummary;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress report on stderr, redrawn every second, for long runs on a terminal. Off when
 * stderr is not a terminal, so logs and pipes stay clean.
 */
final class Progress implements AutoCloseable {

    private final Thread thread;
    private final PrintStream err;
    private volatile boolean running = true;
    private final long start = System.nanoTime();

    private Progress(RunSummary summary, PrintStream err) {
        this.err = err;
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                if (running) {
                    double s = (System.nanoTime() - start) / 1e9;
                    err.printf(Locale.ROOT, "\r%,d files  %,d records  %,d detections  %.0f records/s   ",
                            summary.filesRead(), summary.recordsRead(), summary.detections(),
                            summary.recordsRead() / Math.max(s, 1e-3));
                    err.flush();
                }
            }
        }, "vigil-progress");
        thread.setDaemon(true);
    }

    /** Starts a progress line when {@code enabled} and a terminal is attached; otherwise does nothing. */
    static Progress start(RunSummary summary, PrintStream err, boolean enabled) {
        Progress p = new Progress(summary, err);
        if (enabled && System.console() != null) {
            p.thread.start();
        } else {
            p.running = false;
        }
        return p;
    }

    @Override
    public void close() {
        if (running) {
            running = false;
            thread.interrupt();
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }
}
