package dev.vigil.formats.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.vigil.formats.RecordSink;
import dev.vigil.formats.WindowsRecord;
import dev.vigil.formats.schema.SchemaKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;

/**
 * Reads JSON events, one at a time, in the three layouts found in the wild:
 * <ul>
 *   <li>JSON lines — one object per line (Winlogbeat, NXLog, OTRF): each line is parsed on its own, so a
 *       malformed line is reported and the next one is still read;</li>
 *   <li>a stream of pretty-printed objects (as {@code evtx_dump} writes them), and</li>
 *   <li>one top-level array of objects — both split into documents by {@link JsonDocumentSplitter}.</li>
 * </ul>
 * The layout is chosen from the first non-blank line: one that opens and closes an object means JSON lines.
 */
public final class JsonRecordReader {

    private static final String MALFORMED = "input/malformed-json";
    private static final String NOT_OBJECT = "input/not-an-object";

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();
    private final SchemaKind.Schemas schemas;
    private long line;
    private long ordinal;

    public JsonRecordReader(SchemaKind.Schemas schemas) {
        this.schemas = schemas;
    }

    /** The line reached so far, for problems raised by the underlying stream. */
    public long line() {
        return line;
    }

    public void read(BufferedReader in, RecordSink sink) throws IOException {
        line = 0;
        ordinal = 0;
        // The first non-blank line is read and then replayed. Marking the stream to go back to its start
        // made the reader allocate, for every file, a buffer as large as the mark's limit (32 MB for the
        // 16 M characters it allowed the first line): 72 such buffers were 2.3 GB, nearly all that decoding
        // OTRF allocated outside thread-local buffers, and young collections that copied them took 70 ms
        // each. A first line longer than the mark's limit (a minified array) failed to go back.
        int blank = 0;
        String first = in.readLine();
        while (first != null && first.isBlank()) {
            blank++;
            first = in.readLine();
        }
        if (first != null && JsonDocumentSplitter.isCompleteObject(first)) {
            line = blank + 1;
            parse(first, line, sink, "expected a JSON object per line");
            readLines(in, sink);
            return;
        }
        new JsonDocumentSplitter(new Replay(blank, first, in)).forEach((startLine, doc) -> {
            line = startLine;
            parse(doc, startLine, sink, "expected a JSON object");
        }, (startLine, why) -> sink.badRecord(startLine, ++ordinal, MALFORMED, why));
    }

    /**
     * The lines already read from a stream (blank ones as line ends, then the first, or none at the end
     * of the stream), then the rest of it. The first line is not copied: it may be a whole minified array.
     */
    private static final class Replay extends Reader {
        private int blank;
        private final String first;
        private int at;
        private boolean firstEnded;
        private final Reader rest;

        Replay(int blank, String first, Reader rest) {
            this.blank = blank;
            this.first = first;
            this.rest = rest;
            firstEnded = first == null;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (blank > 0) {
                int n = Math.min(len, blank);
                java.util.Arrays.fill(buf, off, off + n, '\n');
                blank -= n;
                return n;
            }
            if (first != null && at < first.length()) {
                int n = Math.min(len, first.length() - at);
                first.getChars(at, at + n, buf, off);
                at += n;
                return n;
            }
            if (!firstEnded) {
                firstEnded = true;
                buf[off] = '\n';
                return 1;
            }
            return rest.read(buf, off, len);
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }

    private void readLines(BufferedReader in, RecordSink sink) throws IOException {
        String text;
        while ((text = in.readLine()) != null) {
            line++;
            if (!text.isBlank()) {
                parse(text, line, sink, "expected a JSON object per line");
            }
        }
    }

    private void parse(String doc, long atLine, RecordSink sink, String expectation) {
        long n = ++ordinal;
        try (JsonParser p = factory.createParser(doc)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                sink.badRecord(atLine, n, NOT_OBJECT, "found " + describe(t) + " — " + expectation);
                return;
            }
            Map<String, Object> flat = JsonFlattener.flatten(p);
            JsonToken after = p.nextToken();
            if (after != null) {
                sink.badRecord(atLine, n, MALFORMED, "text after the object — " + expectation);
                return;
            }
            WindowsRecord rec = schemas.toWindows(flat);
            sink.record(rec.position(atLine, n));
        } catch (JsonParseException e) {
            sink.badRecord(atLine, n, MALFORMED, e.getOriginalMessage() + " — " + expectation);
        } catch (IOException e) {
            sink.badRecord(atLine, n, MALFORMED, e.getMessage() + " — " + expectation);
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        if (t == JsonToken.START_ARRAY) {
            return "an array";
        }
        return "a " + t.name().toLowerCase(java.util.Locale.ROOT).replace("value_", "") + " value";
    }
}
