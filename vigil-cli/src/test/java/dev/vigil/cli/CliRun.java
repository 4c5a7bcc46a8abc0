package dev.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the vigil command in-process and captures what it printed. */
record CliRun(int exitCode, String out, String err) {

    static final Path ROOT = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    static final Path CORPUS = Path.of(System.getProperty("vigil.corpus", "../../shared/corpus")).toAbsolutePath()
            .normalize();
    static final Path SEEDS = CORPUS.resolveSibling("seeds");

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Vigil.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String sample(String name) {
        return ROOT.resolve("samples").resolve(name).toString();
    }
}
