package dev.vigil.bench;

import dev.vigil.cli.Vigil;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The same hunt through {@code vigil hunt} (in-process, {@code --threads 1} and {@code 2}) and through the
 * Flink job on a local MiniCluster at parallelism 1 and 2, over the OTRF JSON zips of the shared corpus, in one JVM. Prints
 * events/s for each and the ratios. Rounds are interleaved and the best of each is kept, so a burst of load
 * from elsewhere on the machine hurts one round, not one variant.
 *
 * <p>The job is started as {@code flink run} would start it ({@code VigilJob.main}, files in, JSONL files
 * out), so every Flink figure includes the MiniCluster's start and stop; the "fixed cost" line measures that
 * on a 23-event input. Properties: {@code vigil.corpus}, {@code vigil.bench.rules} (default: the Flink
 * tests' rules, which add a correlation chain to the built-in pack), {@code vigil.bench.repeat} (how often
 * the zip list is repeated, default 1), {@code vigil.bench.rounds} (default 2).
 */
public final class FlinkHuntComparison {

    private static final Pattern RECORDS_READ = Pattern.compile("\"records\":\\{\"read\":(\\d+)");

    private final List<String> rules;
    private final Path scratch;

    private FlinkHuntComparison(List<String> rules, Path scratch) {
        this.rules = rules;
        this.scratch = scratch;
    }

    public static void main(String[] args) throws Exception {
        Path corpus = EvtxCorpus.root().resolve("OTRF-Security-Datasets");
        List<String> zips;
        try (Stream<Path> s = Files.walk(corpus)) {
            zips = s.filter(p -> p.toString().endsWith(".zip")).sorted().map(Path::toString).toList();
        }
        if (zips.isEmpty()) {
            System.err.println("no OTRF zips under " + corpus + " (set -Dvigil.corpus)");
            System.exit(2);
        }
        int repeat = Integer.getInteger("vigil.bench.repeat", 1);
        int rounds = Integer.getInteger("vigil.bench.rounds", 2);
        List<String> input = new ArrayList<>();
        for (int i = 0; i < repeat; i++) {
            input.addAll(zips);
        }
        String rulePath = System.getProperty("vigil.bench.rules", "vigil-flink/src/test/resources/rules");
        List<String> rules = Files.exists(Path.of(rulePath)) ? List.of(rulePath) : List.of();
        FlinkHuntComparison bench = new FlinkHuntComparison(rules, Files.createTempDirectory("vigil-flink-bench"));

        long events = bench.cliEvents(input);
        System.out.printf(Locale.ROOT, "input: %d zip files (%d distinct, repeated %d), %,d events; rules: built-in%s%n",
                input.size(), zips.size(), repeat, events, rules.isEmpty() ? "" : " + " + rulePath);

        // warm-up: both code paths through the JIT before anything is timed
        bench.cli(zips.subList(0, Math.min(8, zips.size())), 2);
        bench.flink(zips.subList(0, Math.min(8, zips.size())), 2);

        double cli = Double.MAX_VALUE;
        double cli2 = Double.MAX_VALUE;
        double p1 = Double.MAX_VALUE;
        double p2 = Double.MAX_VALUE;
        double fixed = Double.MAX_VALUE;
        String tiny = Path.of("samples/winlogbeat-sysmon.jsonl").toString();
        for (int r = 0; r < rounds; r++) {
            cli = Math.min(cli, bench.cli(input, 1));
            cli2 = Math.min(cli2, bench.cli(input, 2));
            p1 = Math.min(p1, bench.flink(input, 1));
            p2 = Math.min(p2, bench.flink(input, 2));
            if (Files.exists(Path.of(tiny))) {
                fixed = Math.min(fixed, bench.flink(List.of(tiny), 2));
            }
            System.out.printf(Locale.ROOT, "round %d done (best so far: cli %.2f s, cli2 %.2f s, p1 %.2f s, p2 %.2f s)%n",
                    r + 1, cli, cli2, p1, p2);
        }
        System.out.println();
        System.out.println("| variant                           | seconds | events/s  | vs vigil hunt |");
        System.out.println("|-----------------------------------|--------:|----------:|--------------:|");
        row("vigil hunt --threads 1", cli, events, cli);
        row("vigil hunt --threads 2", cli2, events, cli);
        row("Flink MiniCluster, parallelism 1", p1, events, cli);
        row("Flink MiniCluster, parallelism 2", p2, events, cli);
        System.out.printf(Locale.ROOT, "%nFlink parallelism 2 / 1: %.2fx; vigil hunt 2 threads / 1: %.2fx%n", p1 / p2,
                cli / cli2);
        if (fixed != Double.MAX_VALUE) {
            System.out.printf(Locale.ROOT, "fixed cost of a job (MiniCluster start, 23 events, stop): %.2f s%n", fixed);
        }
    }

    private static void row(String name, double seconds, long events, double cli) {
        System.out.printf(Locale.ROOT, "| %-33s | %7.2f | %,9.0f | %12.2fx |%n", name, seconds, events / seconds,
                cli / seconds);
    }

    /** Seconds for one {@code vigil hunt} over {@code input} on {@code threads} worker threads. */
    private double cli(List<String> input, int threads) throws IOException {
        List<String> a = huntArgs(input, scratch.resolve("cli.jsonl"), null);
        a.addAll(1, List.of("--threads", String.valueOf(threads)));
        long t0 = System.nanoTime();
        Vigil.run(quiet(), quiet(), a.toArray(new String[0]));
        return (System.nanoTime() - t0) / 1e9;
    }

    /** How many events {@code vigil hunt} reads from {@code input}, from its run summary. */
    private long cliEvents(List<String> input) throws IOException {
        Path summary = scratch.resolve("summary.json");
        Vigil.run(quiet(), quiet(), huntArgs(input, scratch.resolve("cli.jsonl"), summary).toArray(new String[0]));
        Matcher m = RECORDS_READ.matcher(Files.readString(summary));
        if (!m.find()) {
            throw new IllegalStateException("no record count in " + summary);
        }
        return Long.parseLong(m.group(1));
    }

    private List<String> huntArgs(List<String> input, Path out, Path summary) {
        List<String> a = new ArrayList<>(List.of("hunt", "-f", "jsonl", "--no-progress", "-q", "-o", out.toString()));
        if (summary != null) {
            a.addAll(List.of("--summary", summary.toString()));
        }
        rules.forEach(r -> a.addAll(List.of("-r", r)));
        a.addAll(input);
        return a;
    }

    /** Seconds for one run of the job over {@code input} at {@code parallelism}, MiniCluster included. */
    private double flink(List<String> input, int parallelism) throws Exception {
        Path out = Files.createTempDirectory(scratch, "flink");
        List<String> a = new ArrayList<>(List.of("--output-dir", out.toString(), "--checkpoint-interval", "0",
                "--parallelism", String.valueOf(parallelism)));
        rules.forEach(r -> a.addAll(List.of("--rules", r)));
        input.forEach(i -> a.addAll(List.of("--input-files", i)));
        long t0 = System.nanoTime();
        dev.vigil.flink.VigilJob.main(a.toArray(new String[0]));
        return (System.nanoTime() - t0) / 1e9;
    }

    private static PrintStream quiet() {
        return new PrintStream(OutputStream.nullOutputStream());
    }
}
