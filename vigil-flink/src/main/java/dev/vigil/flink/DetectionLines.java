package dev.vigil.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.engine.Detection;
import dev.vigil.formats.detection.DetectionJson;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** A detection as one line of the CLI's JSONL schema ({@link DetectionJson}), the job's output record. */
final class DetectionLines {

    private static final JsonFactory JSON = new JsonFactory();

    private DetectionLines() {
    }

    static String of(Detection d) {
        StringWriter w = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            DetectionJson.write(g, d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
