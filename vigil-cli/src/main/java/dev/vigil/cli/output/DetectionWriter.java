package dev.vigil.cli.output;

import dev.vigil.core.engine.Detection;

import java.io.IOException;

/** Writes detections as they come, in one output format. */
public interface DetectionWriter extends AutoCloseable {

    void write(Detection d) throws IOException;

    @Override
    void close() throws IOException;
}
