package dev.vigil.formats;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.event.Field;
import dev.vigil.core.run.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: reads inputs and keeps what came out — events, problems, the summary. */
final class Inputs {

    final RunSummary summary = new RunSummary();
    final List<CanonicalEvent> events = new ArrayList<>();
    final List<InputProblem> problems = new ArrayList<>();

    static Inputs read(Path... paths) {
        Inputs r = new Inputs();
        List<String> names = new ArrayList<>();
        for (Path p : paths) {
            names.add(p.toString());
        }
        new InputReader(r.summary, r.problems::add).read(names, r.events::add);
        return r;
    }

    /** Writes {@code text} to {@code dir/name} and reads it. */
    static Inputs text(Path dir, String name, String text) {
        return read(write(dir, name, text.getBytes(StandardCharsets.UTF_8)));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CanonicalEvent only() {
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events.size() + ": " + events + " problems " + problems);
        }
        return events.get(0);
    }

    static Object field(CanonicalEvent e, String name) {
        return e.get(Field.of(name));
    }
}
