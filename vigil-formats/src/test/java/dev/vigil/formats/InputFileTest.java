package dev.vigil.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.event.CanonicalEvent;
import dev.vigil.core.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing inputs: which files a directory gives, in which order, with which sizes. */
class InputFileTest {

    @TempDir
    Path dir;

    @Test
    void filesUnderADirectoryComeSortedByRelativePathWithTheirSizes() throws IOException {
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/x.log"), "12345");
        Files.writeString(dir.resolve("a.log"), "1");
        Files.writeString(dir.resolve("c.log"), "123");
        assertThat(InputFile.list(List.of(dir.toString()))).containsExactly(
                new InputFile(dir + "/a.log", 1), new InputFile(dir + "/b/x.log", 5), new InputFile(dir + "/c.log", 3));
    }

    @Test
    void aPathGivenAsAFileKeepsItsNameAndGetsItsSize() throws IOException {
        Path f = Files.writeString(dir.resolve("one.log"), "abc");
        assertThat(InputFile.list(List.of(f.toString()))).containsExactly(new InputFile(f.toString(), 3));
    }

    @Test
    void aMissingPathKeepsItsNameAndAnUnknownSize() {
        String gone = dir.resolve("gone.log").toString();
        assertThat(InputFile.list(List.of(gone))).containsExactly(new InputFile(gone, InputFile.UNKNOWN));
    }

    @Test
    void aLinkToAFileIsListedWithTheFileSizeAndADanglingLinkWithAnUnknownSize() throws IOException {
        Path target = Files.writeString(dir.resolve("target.log"), "1234567");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.createSymbolicLink(logs.resolve("linked.log"), target);
        Files.createSymbolicLink(logs.resolve("dangling.log"), dir.resolve("gone.log"));
        assertThat(InputFile.list(List.of(logs.toString()))).containsExactly(
                new InputFile(logs + "/dangling.log", InputFile.UNKNOWN), new InputFile(logs + "/linked.log", 7));
    }

    @Test
    void aDanglingLinkInADirectoryIsReportedAsNotFound() throws IOException {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.createSymbolicLink(logs.resolve("dangling.jsonl"), dir.resolve("gone.jsonl"));
        RunSummary summary = new RunSummary();
        List<InputProblem> problems = new ArrayList<>();
        new InputReader(summary, problems::add).read(List.of(logs.toString()), e -> { });
        assertThat(summary.filesSkipped()).containsEntry("not found", 1L);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(logs + "/dangling.jsonl");
            assertThat(p.kind()).isEqualTo("input/not-found");
        });
    }

    @Test
    void aDirectoryGivenThroughALinkIsWalked() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("e.log"), "ab");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertThat(InputFile.list(List.of(link.toString()))).containsExactly(new InputFile(link + "/e.log", 2));
    }

    @Test
    void aListedFileRemovedBeforeItIsReadIsReportedAsNotFound() {
        RunSummary summary = new RunSummary();
        List<InputProblem> problems = new ArrayList<>();
        List<CanonicalEvent> events = new ArrayList<>();
        String gone = dir.resolve("gone.jsonl").toString();
        new InputReader(summary, problems::add).readFiles(List.of(new InputFile(gone, 10)), events::add);
        assertThat(events).isEmpty();
        assertThat(summary.filesSkippedTotal()).isEqualTo(1);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(gone);
            assertThat(p.kind()).isEqualTo("input/not-found");
        });
    }
}
