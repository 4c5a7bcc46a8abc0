package dev.vigil.cli;

import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Hit;
import dev.vigil.core.run.RunSummary;
import dev.vigil.formats.InputProblem;
import dev.vigil.formats.InputReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Hunts input files on a pool of threads, each file decoded, normalized and matched by one worker, and
 * hands the hits and input problems to the calling thread in exactly the order a single-threaded run
 * produces them (file order, then record order, then query order). So detections, aggregations and the
 * problems printed do not depend on the thread count.
 *
 * <p>Memory stays bounded whatever the input: each worker passes its results through a small bounded
 * queue of batches and blocks when the caller has not caught up, and only hits (not every event) are
 * kept. Files are started in order on a FIFO pool, so the file the caller waits for always has a thread
 * (the ones before it are finished), and workers ahead of it block only on their own full queues.
 */
final class ParallelHunt {

    private static final int BATCH = 512;
    private static final int QUEUED_BATCHES = 4;

    private final CompiledRuleSet rules;
    private final RunSummary summary;
    private final Set<String> fieldsUsed;
    private final int threads;

    ParallelHunt(CompiledRuleSet rules, RunSummary summary, Set<String> fieldsUsed, int threads) {
        this.rules = rules;
        this.summary = summary;
        this.fieldsUsed = fieldsUsed;
        this.threads = threads;
    }

    /** Results of a run of records from one file, in order: {@link Hit}s and {@link InputProblem}s. */
    private static final class Batch {
        final List<Object> items = new ArrayList<>();
        int events;
        boolean last;
        Throwable failure;
    }

    void run(List<String> inputs, Consumer<Hit> hits, Consumer<InputProblem> problems) {
        List<String> files = InputReader.files(inputs);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vigil-hunt");
            t.setDaemon(true);
            return t;
        });
        try {
            List<BlockingQueue<Batch>> queues = new ArrayList<>(files.size());
            for (String f : files) {
                BlockingQueue<Batch> q = new ArrayBlockingQueue<>(QUEUED_BATCHES);
                queues.add(q);
                pool.execute(() -> hunt(f, q));
            }
            for (BlockingQueue<Batch> q : queues) {
                drain(q, hits, problems);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void drain(BlockingQueue<Batch> q, Consumer<Hit> hits, Consumer<InputProblem> problems) {
        while (true) {
            Batch b;
            try {
                b = q.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while hunting", e);
            }
            for (Object o : b.items) {
                if (o instanceof Hit h) {
                    hits.accept(h);
                } else {
                    problems.accept((InputProblem) o);
                }
            }
            if (b.failure != null) {
                throw new IllegalStateException("hunting failed: " + b.failure, b.failure);
            }
            if (b.last) {
                return;
            }
        }
    }

    /**
     * One reader per worker thread, reused for every file the worker takes: building a reader (its
     * normalizers, mapping tables, XML factory) per file cost more than reading a small file.
     */
    private final class WorkerReader {
        Batch current;
        final InputReader reader = new InputReader(summary, p -> current.items.add(p)).derive(fieldsUsed);
    }

    private final ThreadLocal<WorkerReader> readers = ThreadLocal.withInitial(WorkerReader::new);

    private void hunt(String file, BlockingQueue<Batch> out) {
        WorkerReader w = readers.get();
        w.current = new Batch();
        try {
            w.reader.read(List.of(file), event -> {
                summary.eventEvaluated();
                Batch b = w.current;
                rules.match(event, b.items::add);
                if (++b.events == BATCH) {
                    put(out, b);
                    w.current = new Batch();
                }
            });
        } catch (RuntimeException | Error e) {
            w.current.failure = e;
        }
        w.current.last = true;
        put(out, w.current);
    }

    private static void put(BlockingQueue<Batch> out, Batch b) {
        try {
            out.put(b);
        } catch (InterruptedException e) {
            // The run is over (the caller failed or finished): stop reading this file.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("hunt cancelled", e);
        }
    }
}
