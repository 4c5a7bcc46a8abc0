package dev.vigil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Cutting the input into tasks, on a thread of its own while the rules load. */
class HuntTasksTest {

    @Test
    void tasksAreNumberedInInputOrderAndAllStart(@TempDir Path dir) throws IOException {
        for (int f = 0; f < 40; f++) {
            Files.write(dir.resolve(String.format("f-%02d.jsonl", f)), new byte[f == 30 ? 400_000 : 10_000]);
        }
        HuntTasks tasks = HuntTasks.cut(List.of(dir.toString()), 2).join();
        List<Integer> indices = new ArrayList<>();
        tasks.inOrder().forEach(t -> indices.add(t.index()));
        assertThat(indices).hasSizeGreaterThan(2);
        for (int i = 0; i < indices.size(); i++) {
            assertThat(indices.get(i)).isEqualTo(i);
        }
        assertThat(tasks.startOrder()).containsExactlyInAnyOrderElementsOf(tasks.inOrder());
        // the one far larger file starts first
        assertThat(tasks.startOrder().get(0).bytes()).isEqualTo(400_000);
    }

    @Test
    void aLargeEvtxFileIsCutIntoPartsOfChunks(@TempDir Path dir) throws IOException {
        Path security = CliRun.CORPUS.resolve("omerbenamram-evtx/samples/security.evtx");
        assumeTrue(Files.isRegularFile(security), "corpus absent: " + security);
        Files.copy(security, dir.resolve("security.evtx"));
        Files.write(dir.resolve("small.jsonl"), new byte[1000]);
        long chunks = (Files.size(security) - 4096) / 65536;
        HuntTasks tasks = HuntTasks.cut(List.of(dir.toString()), 2).join();
        // the parts of the EVTX file, each of PART_CHUNKS chunks but the last, then the small file's group
        assertThat(tasks.inOrder()).hasSize((int) ((chunks + HuntTasks.PART_CHUNKS - 1) / HuntTasks.PART_CHUNKS) + 1);
        assertThat(tasks.inOrder().get(0).bytes()).isEqualTo(HuntTasks.PART_CHUNKS * 65536L);
    }
}
