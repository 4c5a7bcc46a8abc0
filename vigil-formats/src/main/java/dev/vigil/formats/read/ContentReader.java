package dev.vigil.formats.read;

import dev.vigil.formats.EvtxDecoder;
import dev.vigil.formats.RecordSink;
import dev.vigil.formats.schema.SchemaKind;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads one input stream by what it contains: gzip is unwrapped and sniffed again, zip and tar members
 * are each sniffed and read as their own file ({@code archive.zip!/member.json}), event XML and JSON go to
 * their readers, EVTX to the {@link EvtxDecoder} hook. Everything is streamed; nothing is extracted except
 * an EVTX member of an archive, which the decoder needs as a file.
 */
public final class ContentReader {

    /** How each file (an archive's member included) is accounted and how its records are delivered. */
    public interface Ledger {
        RecordSink opened(String displayPath);

        void read(String displayPath);

        void skipped(String displayPath, String reason, String problemKind, String message);

        void failed(String displayPath, long line, String kind, String message);
    }

    public static final String EVTX_UNAVAILABLE = "evtx (native reader not available)";

    private final XmlEventReader xml = new XmlEventReader();
    private final JsonRecordReader json;
    private final EvtxDecoder evtx;
    private final Ledger files;

    public ContentReader(SchemaKind.Schemas schemas, EvtxDecoder evtx, Ledger files) {
        this.json = new JsonRecordReader(schemas);
        this.evtx = evtx;
        this.files = files;
    }

    /** Reads a file or archive member; {@code onDisk} is the file itself when there is one, else null. */
    public void read(InputStream raw, String path, Path onDisk) {
        BufferedInputStream in = raw instanceof BufferedInputStream ? (BufferedInputStream) raw : new BufferedInputStream(raw, 65536);
        Sniffer.Verdict v;
        try {
            v = Sniffer.sniff(in);
        } catch (IOException e) {
            files.failed(path, 0, kindOf(e), describe(e));
            return;
        }
        ContentKind kind = v.kind();
        if (kind == ContentKind.GZIP) {
            gzip(in, path);
        } else if (kind == ContentKind.ZIP) {
            zip(in, path);
        } else if (kind == ContentKind.TAR) {
            tar(in, path);
        } else if (kind == ContentKind.EVTX) {
            evtx(in, path, onDisk);
        } else if (kind == ContentKind.XML || kind == ContentKind.JSON) {
            text(in, v, path);
        } else if (kind == ContentKind.EMPTY) {
            files.read(path);
        } else {
            files.skipped(path, "unsupported format: " + v.what(), "input/unsupported-format",
                    "not an event file (" + v.what() + "); Vigil reads Windows event XML, JSON events, EVTX and archives of them");
        }
    }

    private void text(BufferedInputStream in, Sniffer.Verdict v, String path) {
        RecordSink sink = files.opened(path);
        TruncationGuard guard = new TruncationGuard(in);
        BufferedReader reader = new BufferedReader(new InputStreamReader(guard, v.charset()), 65536);
        boolean isXml = v.kind() == ContentKind.XML;
        IOException failure;
        try {
            if (isXml) {
                xml.read(reader, sink);
            } else {
                json.read(reader, sink);
            }
            failure = guard.failure();
        } catch (IOException e) {
            failure = e;
        }
        files.read(path);
        if (failure != null) {
            files.failed(path, isXml ? xml.line() : json.line(), kindOf(failure),
                    describe(failure) + "; the records before it were read");
        }
    }

    private void gzip(BufferedInputStream in, String path) {
        try {
            read(new GZIPInputStream(in, 65536), path, null);
        } catch (IOException e) {
            files.failed(path, 0, kindOf(e), describe(e));
        }
    }

    private void zip(BufferedInputStream in, String path) {
        files.read(path);
        try (ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (!e.isDirectory()) {
                    read(new Unclosable(z), path + "!/" + e.getName(), null);
                }
            }
        } catch (IOException e) {
            files.failed(path, 0, kindOf(e), describe(e));
        }
    }

    private void tar(BufferedInputStream in, String path) {
        files.read(path);
        try {
            TarEntries.forEach(in, (name, content) -> read(content, path + "!/" + name, null));
        } catch (IOException e) {
            files.failed(path, 0, kindOf(e), describe(e));
        }
    }

    private void evtx(BufferedInputStream in, String path, Path onDisk) {
        if (evtx == null) {
            files.skipped(path, EVTX_UNAVAILABLE, null, null);
            return;
        }
        RecordSink sink = files.opened(path);
        Path temp = null;
        try {
            Path file = onDisk;
            if (file == null) {
                temp = Files.createTempFile("vigil-", ".evtx");
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                file = temp;
            }
            evtx.decode(file, path, sink);
            files.read(path);
        } catch (IOException e) {
            // No EVTX file header to go by (too short, wrong magic after all): the file is skipped, named.
            files.skipped(path, "unreadable EVTX", "input/bad-evtx", describe(e));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temp file is harmless and not the user's problem
                }
            }
        }
    }

    private static String kindOf(IOException e) {
        return e instanceof EOFException || e instanceof ZipException ? "input/truncated" : "input/read-error";
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof EOFException) {
            return "input ends early (truncated or damaged" + (m == null ? ")" : ": " + m + ")");
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** An archive member's stream: readers close what they read, which must not close the archive. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream stays open for the next member
        }
    }
}
