package dev.vigil.formats;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.run.RunSummary;
import dev.vigil.formats.normalize.EventNormalizer;
import dev.vigil.formats.read.ContentReader;
import dev.vigil.formats.schema.SchemaKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * Reads event inputs — files, directories (walked in sorted order), archives — and delivers canonical
 * events. Formats are recognised by content, never by name. Every file is accounted in the
 * {@link RunSummary} as read or skipped (with a reason), every record as read and, when it could not be
 * turned into an event, as skipped with a reason and an {@link InputProblem} naming file and line/record.
 * Bad input never throws. Not thread-safe: one instance per reading thread.
 */
public final class InputReader {

    /** The skip reason for EVTX files while no {@link EvtxDecoder} is installed. */
    public static final String EVTX_UNAVAILABLE = ContentReader.EVTX_UNAVAILABLE;

    private static final String NORMALIZE_FAILED = "input/normalize-failed";

    private final RunSummary summary;
    private final Consumer<InputProblem> problems;
    private final EventNormalizer normalizer = new EventNormalizer();
    private final ContentReader content;
    private final EvtxDecoder evtx = installedEvtxDecoder();
    private final Ledger ledger = new Ledger();
    private Consumer<CanonicalEvent> sink = e -> { };

    public InputReader(RunSummary summary, Consumer<InputProblem> problems) {
        this.summary = summary;
        this.problems = problems;
        this.content = new ContentReader(SchemaKind.instantiate(), evtx, ledger);
    }

    /**
     * The number of chunks of an EVTX file on disk when it can be read in parts ({@link #readEvtxPart}),
     * else -1 (no decoder that can, not an EVTX file, unreadable).
     */
    public int evtxChunks(Path file) {
        if (evtx == null) {
            return -1;
        }
        try {
            return evtx.chunkCount(file);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Reads chunks {@code [from, to)} of an EVTX file, for callers that spread one large file over threads.
     * Reading every part of a file in order, the first with {@code first} and the last with {@code last},
     * gives the events, problems and accounting of reading the whole file with {@link #read}.
     */
    public void readEvtxPart(String display, Path file, int from, int to, boolean first, boolean last,
            Consumer<CanonicalEvent> sink) {
        this.sink = sink;
        if (evtx == null) {
            throw new IllegalStateException("no EVTX decoder is installed; evtxChunks said -1 for " + display);
        }
        RecordSink records = ledger.opened(display);
        try {
            if (first) {
                summary.bytes(Files.size(file));
            }
            evtx.decodeChunks(file, display, records, from, to, first);
            if (last) {
                ledger.read(display);
            }
        } catch (IOException e) {
            if (first) {
                ledger.skipped(display, "unreadable EVTX", "input/bad-evtx", e.getMessage());
            } else {
                ledger.failed(display, 0, "input/read-error", "cannot read chunks " + from + " to " + (to - 1)
                        + ": " + e.getMessage());
            }
        }
    }

    /** Reads every path in order (files, directories walked in sorted order, archives), normalizes each record and calls sink; never throws for bad input. */
    public void read(List<String> paths, Consumer<CanonicalEvent> sink) {
        this.sink = sink;
        for (String p : paths) {
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                walk(p, path);
            } else {
                readFile(p, path, InputFile.UNKNOWN);
            }
        }
    }

    /**
     * Reads files listed by {@link InputFile#list}, in order, as {@link #read} reads the paths they came from;
     * a file whose size the listing learned is opened without looking at it again.
     */
    public void readFiles(List<InputFile> files, Consumer<CanonicalEvent> sink) {
        for (InputFile f : files) {
            if (f.size() == InputFile.UNKNOWN) {
                read(List.of(f.display()), sink);
            } else {
                this.sink = sink;
                readFile(f.display(), f.path(), f.size());
            }
        }
    }

    /** Computes the opt-in derived fields among {@code fieldsUsed} (the fields the loaded analytics read). */
    public InputReader derive(java.util.Set<String> fieldsUsed) {
        normalizer.derive(fieldsUsed);
        return this;
    }

    /**
     * Reads content held in memory (an analytic's inline test event, a Kafka message) exactly as a file
     * with that content would be read; {@code displayPath} names it in origins and problems.
     */
    public void readContent(String displayPath, byte[] content, Consumer<CanonicalEvent> sink) {
        this.sink = sink;
        summary.bytes(content.length);
        content(displayPath, content);
    }

    private void content(String displayPath, byte[] bytes) {
        this.content.read(new java.io.ByteArrayInputStream(bytes), displayPath, null);
    }

    private void walk(String given, Path dir) {
        List<InputFile> files;
        try {
            files = InputFile.walk(given, dir);
        } catch (IOException | java.io.UncheckedIOException e) {
            summary.fileSkipped("unreadable directory");
            problems.accept(new InputProblem(given, 0, 0, "input/read-error", "cannot walk the directory: " + e.getMessage()));
            return;
        }
        for (InputFile f : files) {
            readFile(f.display(), f.path(), f.size());
        }
    }

    /** Reads one file; {@code size} is its size when a listing learned it (so it is a regular file), else UNKNOWN. */
    private void readFile(String display, Path path, long size) {
        if (size == InputFile.UNKNOWN && !Files.isRegularFile(path)) {
            notFound(display);
            return;
        }
        try (InputStream in = Files.newInputStream(path)) {
            summary.bytes(size == InputFile.UNKNOWN ? Files.size(path) : size);
            content.read(in, display, path);
        } catch (java.nio.file.NoSuchFileException e) {
            notFound(display);   // listed, then removed before it was read
        } catch (IOException e) {
            summary.fileSkipped("unreadable");
            problems.accept(new InputProblem(display, 0, 0, "input/read-error", "cannot read: " + e.getMessage()));
        }
    }

    private void notFound(String display) {
        summary.fileSkipped("not found");
        problems.accept(new InputProblem(display, 0, 0, "input/not-found", "no such file or directory"));
    }

    private static EvtxDecoder installedEvtxDecoder() {
        Iterator<EvtxDecoder> it = ServiceLoader.load(EvtxDecoder.class).iterator();
        return it.hasNext() ? it.next() : null;
    }

    /** Turns reader callbacks into accounting, problems and events. */
    private final class Ledger implements ContentReader.Ledger {

        @Override
        public RecordSink opened(String displayPath) {
            return new RecordSink() {
                @Override
                public void record(WindowsRecord record) {
                    summary.recordRead();
                    CanonicalEvent ev;
                    try {
                        ev = normalizer.normalize(record, displayPath);
                    } catch (RuntimeException e) {
                        // A normalizer defect must cost one record, not the run.
                        summary.recordSkipped(NORMALIZE_FAILED);
                        problems.accept(new InputProblem(displayPath, record.line(), record.ordinal(), NORMALIZE_FAILED,
                                "could not normalize the record: " + e));
                        return;
                    }
                    sink.accept(ev);
                }

                @Override
                public void badRecord(long line, long ordinal, String kind, String message) {
                    summary.recordRead();
                    summary.recordSkipped(kind);
                    problems.accept(new InputProblem(displayPath, line, ordinal, kind, message));
                }
            };
        }

        @Override
        public void read(String displayPath) {
            summary.fileRead();
        }

        @Override
        public void skipped(String displayPath, String reason, String problemKind, String message) {
            summary.fileSkipped(reason);
            if (problemKind != null) {
                problems.accept(new InputProblem(displayPath, 0, 0, problemKind, message));
            }
        }

        @Override
        public void failed(String displayPath, long line, String kind, String message) {
            problems.accept(new InputProblem(displayPath, line, 0, kind, message));
        }
    }
}
