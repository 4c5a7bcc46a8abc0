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
    private static final int FIRST_LINE_LIMIT = 1 << 24;

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
        // first line's 16 M characters): 72 such buffers were 2.3 GB, nearly all that decoding OTRF
        // allocated outside thread-local buffers, and young collections that copied them took 70 ms each.
        StringBuilder seen = new StringBuilder();
        String first = in.readLine();
        while (first != null && first.isBlank()) {
            seen.append('\n');
            first = in.readLine();
        }
        if (first != null && JsonDocumentSplitter.isCompleteObject(first)) {
            line = seen.length() + 1;
            parse(first, line, sink, "expected a JSON object per line");
            readLines(in, sink);
            return;
        }
        if (first != null) {
            if (first.length() > FIRST_LINE_LIMIT) {
                throw new IOException("the first line holds more than " + FIRST_LINE_LIMIT
                        + " characters and is not one JSON object");
            }
            seen.append(first).append('\n');
        }
        new JsonDocumentSplitter(new Replay(seen.toString(), in)).forEach((startLine, doc) -> {
            line = startLine;
            parse(doc, startLine, sink, "expected a JSON object");
        }, (startLine, why) -> sink.badRecord(startLine, ++ordinal, MALFORMED, why));
    }

    /** The text already read from a stream, then the rest of it. */
    private static final class Replay extends Reader {
        private final String head;
        private final Reader rest;
        private int at;

        Replay(String head, Reader rest) {
            this.head = head;
            this.rest = rest;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (at < head.length()) {
                int n = Math.min(len, head.length() - at);
                head.getChars(at, at + n, buf, off);
                at += n;
                return n;
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
