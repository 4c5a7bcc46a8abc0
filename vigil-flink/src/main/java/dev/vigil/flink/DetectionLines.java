package dev.vigil.flink;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.core.correlate.Observation;
import dev.vigil.core.engine.Detection;
import dev.vigil.core.event.Origin;
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

    /**
     * The note for an observation that came too late for its window: which correlation, its event time and
     * the events behind it, as JSON so a reader of the late stream can parse it (paths may hold backslashes).
     */
    static String late(String correlation, Observation o) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeObjectFieldStart("late");
            g.writeStringField("correlation", correlation);
            g.writeNumberField("time", o.timeMillis());
            g.writeArrayFieldStart("sources");
            for (Origin s : o.sources()) {
                g.writeStartObject();
                g.writeStringField("path", s.path());
                g.writeNumberField("record", s.record());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
