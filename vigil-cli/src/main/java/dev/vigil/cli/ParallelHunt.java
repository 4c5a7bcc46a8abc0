package dev.vigil.cli;

import dev.vigil.core.engine.CompiledRuleSet;
import dev.vigil.core.engine.Hit;
import dev.vigil.core.engine.PendingEvents;
import dev.vigil.core.run.RunSummary;
import dev.vigil.formats.InputFile;
import dev.vigil.formats.InputProblem;
import dev.vigil.formats.InputReader;

import dev.vigil.core.event.CanonicalEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Hunts input files on a pool of threads in tasks: a group of consecutive small files (up to about
 * {@value #GROUP_BYTES} bytes), a larger file, or a part of {@value #PART_CHUNKS} chunks of a large EVTX
 * file (chunks are self-contained). Each task is decoded, normalized and matched by one worker, which
 * hands the hits and input problems to the calling thread in exactly the order a single-threaded run
 * produces them (file order, then record order, then query order). So detections, aggregations and the
 * problems printed do not depend on the thread count.
 *
 * <p>Memory stays bounded whatever the input: each worker passes its results through a small bounded
 * queue of batches and blocks when the caller has not caught up, and only hits (not every event) are
 * kept: at most {@value #QUEUED_BATCHES} batches of about {@value #BATCH_RESULTS} results per task in
 * flight. Tasks are started in order on a FIFO pool, except at most {@code threads - 1} much larger ones
 * started first ({@link #startOrder}); so the task the caller waits for is always running or next to
 * start on a free thread, and workers ahead of it block only on their own full queues.
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
    /** EVTX files with more chunks than this (1 MiB of records each) are hunted in parts of this many. */
    static final int PART_CHUNKS = 16;
    /**
     * Smaller files are hunted in groups of consecutive files of about this many bytes, one task and one
     * queue per group: a task per file cost a hand-over to the calling thread per file, which for thousands
     * of files of ~140 KB (a collection of EVTX logs) was thousands of wake-ups a second on both sides.
     */
    static final long GROUP_BYTES = 4L << 20;
    private static final int TASKS_PER_THREAD = 16;
    /** A task of more than this many groups' bytes starts before the tasks ahead of it. */
    private static final int EARLY_GROUPS = 4;

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
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "vigil-hunt");
            t.setDaemon(true);
            return t;
        });
        try {
            List<InputFile> files = InputFile.list(inputs);
            long groupLimit = groupLimit(files);
            List<Task> tasks = tasks(files, groupLimit);
            for (Task t : startOrder(tasks, groupLimit)) {
                pool.execute(() -> hunt(t.out(), t.read()));
            }
            for (Task t : tasks) {
                drain(t.out(), hits, problems);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A unit of work for one thread, the queue its results go through, and its size on disk. */
    private record Task(BlockingQueue<Batch> out, BiConsumer<InputReader, Consumer<CanonicalEvent>> read, long bytes) {
        Task(BiConsumer<InputReader, Consumer<CanonicalEvent>> read, long bytes) {
            this(new ArrayBlockingQueue<>(QUEUED_BATCHES), read, bytes);
        }
    }

    /** The tasks in input order: groups of small files, larger files, parts of large EVTX files. */
    private List<Task> tasks(List<InputFile> files, long groupLimit) {
        List<Task> tasks = new ArrayList<>();
        List<InputFile> group = new ArrayList<>();
        long groupBytes = 0;
        for (InputFile f : files) {
            int chunks = evtxChunks(f);
            if (chunks > PART_CHUNKS) {
                addGroup(tasks, group, groupBytes);
                group = new ArrayList<>();
                groupBytes = 0;
                for (int from = 0; from < chunks; from += PART_CHUNKS) {
                    int start = from;
                    int end = Math.min(chunks, from + PART_CHUNKS);
                    tasks.add(new Task((reader, events) -> reader.readEvtxPart(f.display(), f.path(), start, end,
                            start == 0, end == chunks, events), (end - start) * 65536L));
                }
                continue;
            }
            group.add(f);
            groupBytes += f.size() == InputFile.UNKNOWN ? groupLimit : f.size();
            if (groupBytes >= groupLimit) {
                addGroup(tasks, group, groupBytes);
                group = new ArrayList<>();
                groupBytes = 0;
            }
        }
        addGroup(tasks, group, groupBytes);
        return tasks;
    }

    /** A group of consecutive files as one task, unless it is empty. */
    private static void addGroup(List<Task> tasks, List<InputFile> group, long bytes) {
        if (!group.isEmpty()) {
            tasks.add(new Task((reader, events) -> reader.readFiles(group, events), bytes));
        }
    }

    /**
     * The order tasks start in: input order, except that the largest tasks, when far larger than a group,
     * start first, so that no thread is left alone with one at the end. In OTRF one zip file holds 106 MB of
     * the JSON, and it comes second to last. At most {@code threads - 1} start early: a thread whose queue
     * is full waits for the caller, who drains in input order, so at least one thread must take the tasks
     * in that order.
     */
    private List<Task> startOrder(List<Task> tasks, long groupLimit) {
        List<Task> early = tasks.stream().filter(t -> t.bytes() > EARLY_GROUPS * groupLimit)
                .sorted(java.util.Comparator.comparingLong(Task::bytes).reversed()).limit(threads - 1L).toList();
        if (early.isEmpty()) {
            return tasks;
        }
        List<Task> order = new ArrayList<>(early);
        for (Task t : tasks) {
            if (!early.contains(t)) {
                order.add(t);
            }
        }
        return order;
    }

    /**
     * The size a group of files is closed at: {@value #GROUP_BYTES} bytes, or less when the input is small
     * enough that such groups would leave threads idle. Sizes on disk say little of the work in an archive
     * (OTRF: 138 zip files, 19 MB that hold 263,244 events), so the input is cut into at least
     * {@value #TASKS_PER_THREAD} groups per thread.
     */
    private long groupLimit(List<InputFile> files) {
        long total = 0;
        for (InputFile f : files) {
            total += Math.max(0, f.size());
        }
        return Math.max(1, Math.min(GROUP_BYTES, total / ((long) threads * TASKS_PER_THREAD)));
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

    /** The chunk count of a file worth splitting (an EVTX file on disk), else -1; opens only large .evtx files. */
    private int evtxChunks(InputFile file) {
        if (!file.display().toLowerCase(Locale.ROOT).endsWith(".evtx")) {
            return -1;
        }
        long size = file.size();
        Path path = file.path();
        try {
            if (size == InputFile.UNKNOWN) {
                size = Files.isRegularFile(path) ? Files.size(path) : -1;
            }
        } catch (IOException e) {
            return -1;
        }
        if (size <= 4096L + PART_CHUNKS * 65536L) {
            return -1;
        }
        return readers.get().reader.evtxChunks(path);
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
