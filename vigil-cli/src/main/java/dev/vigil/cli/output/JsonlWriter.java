package dev.vigil.cli.output;

import dev.vigil.formats.detection.DetectionJson;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.engine.Detection;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** One detection per line, as JSON (see {@link DetectionJson} for the shape). */
final class JsonlWriter implements DetectionWriter {

    private final JsonGenerator g;

    JsonlWriter(OutputStream out) {
        try {
            this.g = new JsonFactory().createGenerator(out);
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(Detection d) throws IOException {
        DetectionJson.write(g, d);
    }

    @Override
    public void close() throws IOException {
        g.writeRaw('\n');
        g.flush();
    }
}
