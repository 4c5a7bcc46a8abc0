package dev.vigil.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.vigil.formats.detection.DetectionJson;
import dev.vigil.core.event.Event;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes dumped records: canonical events as JSON lines in the shape of a detection's {@code source} and
 * {@code event} (so tools that read detections read dumps), event XML as one line each.
 */
final class DumpWriter implements Closeable {

    private final OutputStream out;
    private final JsonGenerator g;

    DumpWriter(OutputStream out) throws IOException {
        this.out = out;
        this.g = new JsonFactory().createGenerator(out);
        g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        g.setRootValueSeparator(new SerializedString("\n"));
    }

    void event(Event e) throws IOException {
        g.writeStartObject();
        g.writeFieldName("source");
        DetectionJson.origin(g, e.origin());
        g.writeFieldName("event");
        DetectionJson.event(g, e);
        g.writeEndObject();
    }

    void xmlLine(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    @Override
    public void close() throws IOException {
        if (g.getOutputContext().getEntryCount() > 0) {
            g.writeRaw('\n');
        }
        g.flush();
        out.flush();
    }
}
