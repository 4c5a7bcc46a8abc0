package dev.vigil.cli;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.run.RunSummary;
import dev.vigil.formats.InputFile;
import dev.vigil.formats.InputReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The input of a parallel hunt cut into tasks, in input order: a group of consecutive small files (up to
 * about {@value #GROUP_BYTES} bytes), a larger file, or a part of {@value #PART_CHUNKS} chunks of a large
 * EVTX file (chunks are self-contained).
 *
 * <p>Cutting needs the input listed (a {@code stat} per file) and every large EVTX file's header read,
 * but not the rules, so {@link #cut} does it on a thread of its own from the moment a hunt starts: for
 * 14,400 files it took 0.3 s, which on the calling thread came after loading the rules while the other
 * cores had nothing to do.
 */
final class HuntTasks {

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

    /**
     * A unit of work for one thread: what it reads, with a worker's reader, its position in input order,
     * and its size on disk.
     */
    record Task(int index, BiConsumer<InputReader, Consumer<CanonicalEvent>> read, long bytes) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private final List<Task> startOrder;
    /** Reads the headers of large EVTX files; made for the first one (a reader is not cheap to make). */
    private InputReader headers;

    private HuntTasks(List<InputFile> files, int threads) {
        long groupLimit = groupLimit(files, threads);
        List<InputFile> group = new ArrayList<>();
        long groupBytes = 0;
        for (InputFile f : files) {
            int chunks = evtxChunks(f);
            if (chunks > PART_CHUNKS) {
                addGroup(group, groupBytes);
                group = new ArrayList<>();
                groupBytes = 0;
                for (int from = 0; from < chunks; from += PART_CHUNKS) {
                    int start = from;
                    int end = Math.min(chunks, from + PART_CHUNKS);
                    add((reader, events) -> reader.readEvtxPart(f.display(), f.path(), start, end,
                            start == 0, end == chunks, events), (end - start) * 65536L);
                }
                continue;
            }
            group.add(f);
            groupBytes += f.size() == InputFile.UNKNOWN ? groupLimit : f.size();
            if (groupBytes >= groupLimit) {
                addGroup(group, groupBytes);
                group = new ArrayList<>();
                groupBytes = 0;
            }
        }
        addGroup(group, groupBytes);
        startOrder = startOrder(groupLimit, threads);
    }

    /**
     * Lists {@code inputs} and cuts them into tasks for {@code threads} workers, on a thread of its own;
     * the caller joins the result once it has something to run the tasks with.
     */
    static Background<HuntTasks> cut(List<String> inputs, int threads) {
        return Background.start("vigil-list", () -> new HuntTasks(InputFile.list(inputs), threads));
    }

    /** The tasks in input order, which is the order their results are handed on in. */
    List<Task> inOrder() {
        return tasks;
    }

    /**
     * The order tasks start in: input order, except that the largest tasks, when far larger than a group,
     * start first, so that no thread is left alone with one at the end. In OTRF one zip file holds 106 MB of
     * the JSON, and it comes second to last. At most {@code threads - 1} start early: a thread whose queue
     * is full waits for the caller, who drains in input order, so at least one thread must take the tasks
     * in that order.
     */
    List<Task> startOrder() {
        return startOrder;
    }

    private List<Task> startOrder(long groupLimit, int threads) {
        List<Task> early = tasks.stream().filter(t -> t.bytes() > EARLY_GROUPS * groupLimit)
                .sorted(Comparator.comparingLong(Task::bytes).reversed()).limit(threads - 1L).toList();
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

    private void add(BiConsumer<InputReader, Consumer<CanonicalEvent>> read, long bytes) {
        tasks.add(new Task(tasks.size(), read, bytes));
    }

    /** A group of consecutive files as one task, unless it is empty. */
    private void addGroup(List<InputFile> group, long bytes) {
        if (!group.isEmpty()) {
            add((reader, events) -> reader.readFiles(group, events), bytes);
        }
    }

    /**
     * The size a group of files is closed at: {@value #GROUP_BYTES} bytes, or less when the input is small
     * enough that such groups would leave threads idle. Sizes on disk say little of the work in an archive
     * (OTRF: 138 zip files, 19 MB that hold 263,244 events), so the input is cut into at least
     * {@value #TASKS_PER_THREAD} groups per thread.
     */
    private static long groupLimit(List<InputFile> files, int threads) {
        long total = 0;
        for (InputFile f : files) {
            total += Math.max(0, f.size());
        }
        return Math.max(1, Math.min(GROUP_BYTES, total / ((long) threads * TASKS_PER_THREAD)));
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
        if (headers == null) {
            headers = new InputReader(new RunSummary(), p -> { });
        }
        return headers.evtxChunks(path);
    }
}
