package dev.vigil.flink;

import dev.vigil.cli.Vigil;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Runs {@code vigil hunt -f jsonl} in-process and returns its detection lines. */
final class CliRun {

    private CliRun() {
    }

    static List<String> hunt(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("hunt", "-f", "jsonl", "--no-progress", "-q"));
        all.addAll(Arrays.asList(args));
        Vigil.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                all.toArray(new String[0]));
        return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
}
