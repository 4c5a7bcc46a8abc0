package dev.vigil.flink;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same input through {@code vigil hunt} and through the job on a MiniCluster gives the same detections. */
class ParityTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    static final Path ROOT = Path.of(System.getProperty("vigil.root", ".."));
    static final String RULES = "src/test/resources/rules";

    static List<String> job(JobOptions o) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        List<String> out = new ArrayList<>();
        try (CloseableIterator<String> it = VigilJob.build(env, o).detections().executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }

    static JobOptions files(int parallelism, String... inputs) {
        JobOptions o = new JobOptions();
        o.rules.add(RULES);
        o.inputFiles.addAll(List.of(inputs));
        o.parallelism = parallelism;
        o.checkpointInterval = 0;
        return o;
    }

    @Test
    void samplesGiveTheSameDetectionsAsTheCli() throws Exception {
        String samples = ROOT.resolve("samples").toString();
        List<String> cli = CliRun.hunt("-r", RULES, samples);
        List<String> flink = job(files(2, samples));
        assertThat(cli).as("the samples fire the seed ESCU aggregation and the correlation")
                .anyMatch(l -> l.contains("qw9919ed-fe5f-492c-b139-151bb162140e") && l.contains("\"row\""))
                .anyMatch(l -> l.contains("0b8e9d4f-3c2a-4f7e-8d61-5a9c1e2b7f30"));
        assertThat(flink).containsExactlyInAnyOrderElementsOf(cli);
    }

    @Test
    void corpusGivesTheSameDetectionsAsTheCli() throws Exception {
        Path corpus = Path.of(System.getProperty("vigil.corpus", "../../shared/corpus"), "OTRF-Security-Datasets");
        Assumptions.assumeTrue(Files.isDirectory(corpus), "SKIPPED: corpus not found at " + corpus
                + " (set -Dvigil.corpus); the parity check on real data needs it");
        String input;
        try (var walk = Files.walk(corpus)) {
            input = walk.filter(p -> p.toString().endsWith(".zip")).sorted().limit(4).map(Path::toString)
                    .reduce((a, b) -> a + "\n" + b).orElse(null);
        }
        Assumptions.assumeTrue(input != null, "SKIPPED: no zipped datasets in " + corpus);
        String[] inputs = input.split("\n");
        List<String> args = new ArrayList<>(List.of("-r", RULES));
        args.addAll(List.of(inputs));
        List<String> cli = CliRun.hunt(args.toArray(new String[0]));
        assertThat(job(files(2, inputs))).containsExactlyInAnyOrderElementsOf(cli);
    }
}
