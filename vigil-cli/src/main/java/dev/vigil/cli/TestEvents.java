package dev.vigil.cli;

import dev.vigil.core.analytic.TestCase;
import dev.vigil.core.analytic.TestInput;
import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.run.RunSummary;
import dev.vigil.formats.InputProblem;
import dev.vigil.formats.InputReader;
import dev.vigil.formats.shorthand.ShorthandEvent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of a test, read through the same readers and normalizers as real logs. An input that cannot
 * be read is a problem of the test, named with the analytic's file and the test.
 */
final class TestEvents {

    // One reader for the whole run: building readers and normalizers per test would dominate the run time.
    private List<String> problems = new ArrayList<>();
    private final InputReader reader = new InputReader(new RunSummary(), p -> problems.add(p.render()));

    TestEvents derive(java.util.Set<String> fieldsUsed) {
        reader.derive(fieldsUsed);
        return this;
    }

    /** The test's events; problems are appended to {@code problems}. */
    List<CanonicalEvent> of(TestCase t, String analyticFile, List<String> problems) {
        this.problems = problems;
        List<CanonicalEvent> events = new ArrayList<>();
        int i = 0;
        for (TestInput in : t.inputs()) {
            i++;
            String name = analyticFile + "#test '" + t.name() + "'" + (t.source() == null ? "" : " [" + t.source() + "]")
                    + " event " + i;
            byte[] bytes;
            try {
                bytes = bytes(in, i, analyticFile);
            } catch (IOException e) {
                problems.add(new InputProblem(name, 0, 0, "test/missing-file", "cannot read '" + in.text() + "': "
                        + e.getMessage()).render());
                continue;
            }
            int before = events.size();
            reader.readContent(name, bytes, events::add);
            if (events.size() == before) {
                problems.add(new InputProblem(name, 0, 0, "test/no-event", "the " + in.kind() + " input gave no event")
                        .render());
            }
        }
        return events;
    }

    private static byte[] bytes(TestInput in, int ordinal, String analyticFile) throws IOException {
        if (ShorthandEvent.isShorthand(in.kind())) {
            return ShorthandEvent.render(in, ordinal);
        }
        if (in.kind().equals("file")) {
            return file(analyticFile, in.text());
        }
        return in.text().getBytes(StandardCharsets.UTF_8);
    }

    // Files sit beside the analytic: on disk, or in the jar for built-in analytics.
    private static byte[] file(String analyticFile, String relative) throws IOException {
        String builtin = "builtin:analytics/";
        if (analyticFile.startsWith(builtin)) {
            String dir = analyticFile.substring(builtin.length());
            int slash = dir.lastIndexOf('/');
            String res = dev.vigil.dialects.catalog.Catalog.BUILTIN_ROOT + (slash < 0 ? "" : dir.substring(0, slash + 1))
                    + relative;
            try (InputStream s = TestEvents.class.getClassLoader().getResourceAsStream(res)) {
                if (s == null) {
                    throw new IOException("no such built-in file " + res);
                }
                return s.readAllBytes();
            }
        }
        Path base = Path.of(analyticFile).toAbsolutePath().getParent();
        return Files.readAllBytes(base.resolve(relative));
    }
}
