package dev.vigil.bench;

import dev.vigil.formats.evtx.EvtxFile;
import dev.vigil.formats.evtx.EvtxFormatException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Single-thread EVTX decode throughput over corpus files (records into element trees; no XML text).
 * The {@code records} counter gives records/s; the primary score is passes over the set per second.
 * <pre>
 * ./mvnw -B -q -pl vigil-bench -am package -DskipTests
 * java -Dvigil.corpus=../shared/corpus -jar vigil-bench/target/benchmarks.jar EvtxDecodeBenchmark
 * </pre>
 * {@code set}: {@code largest} (the 5 largest files), {@code all} (every .evtx in the corpus). The long
 * warm-up is deliberate: C2 keeps speeding the decoder up for the first ~20 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class EvtxDecodeBenchmark {

    @Param({"largest", "all"})
    public String set;

    private List<Path> files;

    /** Records decoded, reported by JMH as a rate next to the score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Records {
        public long records;

        @Setup(Level.Iteration)
        public void reset() {
            records = 0;
        }
    }

    @Setup
    public void load() {
        List<Path> all = EvtxCorpus.files(EvtxCorpus.root());
        if (all.isEmpty()) {
            throw new IllegalStateException("no .evtx files under " + EvtxCorpus.root().toAbsolutePath()
                    + " (set -Dvigil.corpus)");
        }
        files = set.equals("largest") ? EvtxCorpus.largest(all, 5) : all;
    }

    @Benchmark
    public long decode(Records counter) throws IOException {
        long n = 0;
        for (Path p : files) {
            try (EvtxFile f = EvtxFile.open(p)) {
                for (int i = 0; i < f.chunkCount(); i++) {
                    n += f.decodeChunk(i, r -> { }, d -> { });
                }
            } catch (EvtxFormatException e) {
                // not an EVTX file after all: nothing to decode, and the harness reports it
            }
        }
        counter.records += n;
        return n;
    }
}
