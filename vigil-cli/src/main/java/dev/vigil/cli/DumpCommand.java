package dev.vigil.cli;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Origin;
import dev.vigil.core.run.RunSummary;
import dev.vigil.formats.InputProblem;
import dev.vigil.formats.InputFile;
import dev.vigil.formats.InputReader;
import dev.vigil.formats.evtx.EvtxDamage;
import dev.vigil.formats.evtx.EvtxFile;
import dev.vigil.formats.evtx.EvtxFormatException;
import dev.vigil.formats.evtx.EvtxOptions;
import dev.vigil.formats.evtx.EvtxRecord;
import dev.vigil.formats.normalize.EventNormalizer;
import dev.vigil.formats.read.EvtxReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code vigil dump}: prints every record of the inputs. EVTX files are decoded directly, their chunks in
 * parallel, with output in file and record order whatever {@code --threads}; every other input Vigil reads
 * (event XML, JSON lines, archives) is dumped as the canonical events a hunt would see.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Prints every record of the inputs: as JSON lines ({\"source\":{\"path\",\"record\"},"
                + "\"event\":{...}}, the canonical fields analytics see) or, for EVTX files, as Windows event XML, "
                + "one <Event> per line. Directories are walked in sorted order."},
        footer = {"", "Records go to stdout (or -o FILE); damage, unreadable inputs and the summary go to stderr.",
                "Exit codes: 0 clean, 2 usage, 3 input errors beyond --max-input-errors."})
public final class DumpCommand implements Callable<Integer> {

    private static final byte[] EVTX_MAGIC = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
    private static final String NORMALIZE_FAILED = "input/normalize-failed";
    private static final long NO_ORDINAL = -1;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "event files, archives or directories")
    List<String> paths = new ArrayList<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "jsonl",
            converter = DumpFormat.Converter.class, description = "jsonl or xml (default: ${DEFAULT-VALUE})")
    DumpFormat format;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "threads decoding EVTX chunks (default: all cores)")
    int threads;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write records to FILE instead of stdout")
    Path output;

    @picocli.CommandLine.Mixin
    InputProblemOptions inputProblems;

    @Option(names = {"-q", "--quiet"}, description = "print only records and errors")
    boolean quiet;

    private final RunSummary summary = new RunSummary();
    /** The ordinal of the last record written from the current EVTX file. */
    private long ordinal;
    private PrintStream err;

    @Override
    public Integer call() {
        err = Vigil.err();
        if (threads < 0) {
            err.println("vigil: error: --threads must be 0 (all cores) or more");
            return Vigil.USAGE;
        }
        int workers = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        long started = System.nanoTime();
        try (OutputStream os = new BufferedOutputStream(output == null ? new NonClosing(Vigil.out())
                : Files.newOutputStream(output), 1 << 16);
             DumpWriter writer = new DumpWriter(os);
             OrderedChunkDecoder chunks = new OrderedChunkDecoder(workers, renderer(), c -> written(c, writer))) {
            InputReader reader = new InputReader(summary, this::problem);
            for (String given : paths) {
                for (String file : expand(given)) {
                    if (isEvtx(Path.of(file))) {
                        evtx(file, chunks);
                    } else {
                        // Canonical events come out at once: what is queued must be written first.
                        chunks.drain();
                        other(file, reader, writer);
                    }
                }
            }
            chunks.drain();
        } catch (IOException | UncheckedIOException e) {
            err.println("vigil: error: cannot write records: " + e.getMessage());
            return Vigil.USAGE;
        }
        inputProblems.printHidden(err, quiet);
        if (!quiet) {
            new DumpReport(summary, (System.nanoTime() - started) / 1e9).print(err);
        }
        return inputProblems.tooMany(summary) ? Vigil.INPUT_ERRORS : Vigil.OK;
    }

    /** What a decoded EVTX record becomes; runs on the decoding threads, one normalizer each. */
    private Function<EvtxRecord, Object> renderer() {
        if (format == DumpFormat.XML) {
            return EvtxRecord::toXmlLine;
        }
        ThreadLocal<EventNormalizer> normalizers = ThreadLocal.withInitial(EventNormalizer::new);
        // The origin's record is the EventRecordID, as in a hunt; the path, and the ordinal a hunt falls back
        // to when the ID is unusable (marked NO_ORDINAL here), are only known when the record is written.
        return r -> normalizers.get().normalize(EvtxReader.toRecord(r).position(0, NO_ORDINAL), "");
    }

    private List<String> expand(String given) {
        Path p = Path.of(given);
        if (!Files.isDirectory(p)) {
            return List.of(given);
        }
        try {
            return InputFile.walk(given, p).stream().map(InputFile::display).toList();
        } catch (IOException | UncheckedIOException e) {
            summary.fileSkipped("unreadable directory");
            problem(new InputProblem(given, 0, 0, "input/read-error", "cannot walk the directory: " + e.getMessage()));
            return List.of();
        }
    }

    private static boolean isEvtx(Path file) {
        byte[] head = new byte[EVTX_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(head, 0, head.length) == head.length && Arrays.equals(head, EVTX_MAGIC);
        } catch (IOException e) {
            return false; // InputReader names the file as missing or unreadable
        }
    }

    private void evtx(String display, OrderedChunkDecoder chunks) throws IOException {
        List<EvtxDamage> headerDamage = Collections.synchronizedList(new ArrayList<>());
        EvtxFile file;
        try {
            file = EvtxFile.open(Path.of(display), EvtxOptions.defaults().withDamageListener(headerDamage::add));
        } catch (EvtxFormatException e) {
            summary.fileSkipped("unreadable EVTX");
            problem(new InputProblem(display, 0, 0, "input/bad-evtx", e.getMessage()));
            return;
        } catch (IOException e) {
            summary.fileSkipped("unreadable");
            problem(new InputProblem(display, 0, 0, "input/read-error", "cannot read: " + e.getMessage()));
            return;
        }
        summary.fileRead();
        summary.bytes(Files.size(Path.of(display)));
        chunks.add(display, file, List.copyOf(headerDamage));
    }

    private void other(String display, InputReader reader, DumpWriter writer) {
        if (format == DumpFormat.XML) {
            summary.fileSkipped("no event XML form");
            problem(new InputProblem(display, 0, 0, "dump/no-xml-form",
                    "only EVTX records are dumped as event XML; dump this input with --format jsonl"));
            return;
        }
        reader.read(List.of(display), e -> {
            summary.eventEvaluated();
            try {
                writer.event(e);
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
    }

    /** Writes one chunk's records in order, counting ordinals (1-based within the file) as a hunt does. */
    private void written(DecodedChunk c, DumpWriter writer) throws IOException {
        if (c.first()) {
            ordinal = 0;
        }
        for (EvtxDamage d : c.damage()) {
            if (EvtxReader.reported(d)) {
                String kind = EvtxReader.problemKind(d);
                summary.recordRead();
                summary.recordSkipped(kind);
                problem(new InputProblem(c.displayPath(), 0, Math.max(0, d.recordId()), kind, d.message()));
            }
        }
        for (Object r : c.records()) {
            summary.recordRead();
            ordinal++;
            if (r instanceof CanonicalEvent e) {
                summary.eventEvaluated();
                long record = e.origin().record() == NO_ORDINAL ? ordinal : e.origin().record();
                writer.event(e.origin(new Origin(c.displayPath(), record, 0)));
            } else if (r instanceof String xml) {
                summary.eventEvaluated();
                writer.xmlLine(xml);
            } else if (r instanceof DecodedChunk.Unrenderable u) {
                summary.recordSkipped(NORMALIZE_FAILED);
                problem(new InputProblem(c.displayPath(), 0, ordinal, NORMALIZE_FAILED,
                        "could not normalize the record: " + u.message()));
            }
        }
        if (c.failure() != null) {
            summary.recordRead();
            summary.recordSkipped("input/read-error");
            problem(new InputProblem(c.displayPath(), 0, 0, "input/read-error", "cannot read: " + c.failure().getMessage()));
        }
    }

    private void problem(InputProblem p) {
        inputProblems.report(err, p, quiet);
    }
}
