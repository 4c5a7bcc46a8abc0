package dev.vigil.cli;

import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.engine.Hit;
import dev.vigil.core.engine.PendingEvents;
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
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Hunts the {@link HuntTasks} of an input on a pool of threads. Each task is decoded, normalized and
 * matched by one worker, which hands the hits and input problems to the calling thread in exactly the
 * order a single-threaded run produces them (file order, then record order, then query order). So
 * detections, aggregations and the problems printed do not depend on the thread count.
 *
 * <p>Memory stays bounded whatever the input: each worker passes its results through a small bounded
 * queue of batches and blocks when the caller has not caught up, and only hits (not every event) are
 * kept: at most {@value #QUEUED_BATCHES} batches of about {@value #BATCH_RESULTS} results per task in
 * flight. Tasks are started on a FIFO pool in {@link HuntTasks#startOrder}, input order but for at most
 * {@code threads - 1} much larger ones started first; so the task the caller waits for is always running
 * or next to start on a free thread, and workers ahead of it block only on their own full queues.
 */
final class ParallelHunt {

    /**
     * A batch is handed over once it holds this many results (hits or problems) or covers this many
     * events. Only results take memory, so a batch may cover many events that matched nothing: a worker
     * ahead of the file the caller is draining then rarely blocks, which is what lets threads overlap.
     */
    private static final int BATCH_RESULTS = 256;
    private static final int BATCH_EVENTS = 8192;
    private static final int QUEUED_BATCHES = 8;

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

    /** Runs the tasks once they are cut, handing results on in input order. */
    void run(Background<HuntTasks> cut, Consumer<Hit> hits, Consumer<InputProblem> problems) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vigil-hunt");
            t.setDaemon(true);
            return t;
        });
        try {
            HuntTasks tasks = cut.join();
            List<BlockingQueue<Batch>> out = new ArrayList<>();
            for (int i = 0; i < tasks.inOrder().size(); i++) {
                out.add(new ArrayBlockingQueue<>(QUEUED_BATCHES));
            }
            for (HuntTasks.Task t : tasks.startOrder()) {
                pool.execute(() -> hunt(out.get(t.index()), t.read()));
            }
            for (BlockingQueue<Batch> q : out) {
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
        BlockingQueue<Batch> out;
        final InputReader reader = new InputReader(summary, this::problem).derive(fieldsUsed);
        /** Events are matched in slices; a problem waits until the events read before it are matched. */
        final PendingEvents pending = new PendingEvents(rules, this::result);

        void problem(InputProblem p) {
            pending.flush();
            result(p);
        }

        void result(Object hitOrProblem) {
            current.items.add(hitOrProblem);
            if (current.items.size() >= BATCH_RESULTS) {
                flush();
            }
        }

        void event() {
            if (++current.events >= BATCH_EVENTS) {
                flush();
            }
        }

        void flush() {
            put(out, current);
            current = new Batch();
        }
    }

    private final ThreadLocal<WorkerReader> readers = ThreadLocal.withInitial(WorkerReader::new);

    /** Runs one task (files, or a part of one) on this worker's reader, handing results over in batches. */
    private void hunt(BlockingQueue<Batch> out, BiConsumer<InputReader, Consumer<CanonicalEvent>> read) {
        WorkerReader w = readers.get();
        w.current = new Batch();
        w.out = out;
        try {
            read.accept(w.reader, event -> {
                summary.eventEvaluated();
                w.pending.add(event);
                w.event();
            });
            w.pending.flush();
        } catch (RuntimeException | Error e) {
            w.pending.discard();
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
