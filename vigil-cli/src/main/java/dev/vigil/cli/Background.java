package dev.vigil.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A value computed on a daemon thread of its own while the caller goes on with work that does not need
 * it (a hunt lists and cuts its input while its rules load). {@link #join} waits for the value and
 * throws the computation's failure as it was thrown.
 */
final class Background<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();

    private Background() {
    }

    /** Starts computing {@code work} on a new daemon thread named {@code threadName}. */
    static <T> Background<T> start(String threadName, Supplier<T> work) {
        Background<T> b = new Background<>();
        Thread t = new Thread(() -> {
            try {
                b.result.complete(work.get());
            } catch (RuntimeException | Error e) {
                b.result.completeExceptionally(e);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return b;
    }

    /** The value, once computed. */
    T join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }
}
