package dev.vigil.dialects.sigma;

import dev.vigil.core.event.Event;
import dev.vigil.core.run.RunSummary;
import dev.vigil.formats.InputProblem;
import dev.vigil.formats.InputReader;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a regression log through vigil-formats' readers and normalizers, as {@code vigil hunt} would. */
final class NormalizedEvents {

    private NormalizedEvents() {
    }

    static List<Event> read(Path file) throws IOException {
        List<Event> out = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        new InputReader(new RunSummary(), problems::add).read(List.of(file.toString()), out::add);
        if (out.isEmpty() && !problems.isEmpty()) {
            throw new IOException(problems.get(0).toString());
        }
        return out;
    }
}
