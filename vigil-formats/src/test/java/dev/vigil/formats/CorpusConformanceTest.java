package dev.vigil.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.core.run.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import dev.vigil.core.event.CanonicalEvent;
import org.junit.jupiter.api.Test;

/**
 * Reads every XML / JSON / zip / tar / gzip file of the shared corpus and checks the accounting: every
 * record is either an event or skipped with a reason, and nothing throws. Skips when the corpus is absent.
 */
class CorpusConformanceTest {

    private static Path corpus() {
        String p = System.getProperty("vigil.corpus", "../../shared/corpus");
        Path dir = Path.of(p);
        assumeTrue(Files.isDirectory(dir), "SKIP: corpus not found at " + dir.toAbsolutePath()
                + " (set -Dvigil.corpus=...); the corpus conformance test needs ../shared/corpus");
        return dir;
    }

    @Test
    void everyRecordOfTheCorpusIsAnEventOrASkipWithAReason() throws IOException {
        Path dir = corpus();
        List<String> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(xml|json|jsonl|zip|tar|tar\\.gz|tgz|gz|txt)$"))
                    .filter(f -> !f.toString().contains("/rules/"))
                    .map(Path::toString).sorted().toList();
        }
        RunSummary summary = new RunSummary();
        AtomicLong events = new AtomicLong();
        AtomicLong withRecordId = new AtomicLong();
        Map<String, Long> problemsByKind = new TreeMap<>();
        long start = System.nanoTime();
        EchoCheck echoes = new EchoCheck();
        new InputReader(summary, p -> problemsByKind.merge(p.kind(), 1L, Long::sum)).read(files, e -> {
            events.incrementAndGet();
            echoes.accept(e);
            if (e.text(dev.vigil.core.event.Field.of("EventRecordID")) != null) {
                withRecordId.incrementAndGet();
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("corpus: %d input paths, files read %d, files skipped %s%n", files.size(),
                summary.filesRead(), summary.filesSkipped());
        System.out.printf("corpus: records %d, events %d, skipped %s, problems %s%n", summary.recordsRead(),
                events.get(), summary.recordsSkipped(), problemsByKind);
        System.out.printf("corpus: %.2f s, %.0f records/s, %.1f MB read%n", seconds, summary.recordsRead() / seconds,
                summary.bytesRead() / 1e6);

        assertThat(summary.recordsRead()).isEqualTo(events.get() + summary.recordsSkippedTotal());
        assertThat(summary.recordsRead()).isGreaterThan(100_000);
        assertThat(withRecordId.get()).isGreaterThan(0);
        echoes.verify();
    }

    @Test
    void everyEchoOfAnEvtxEventIsInAnotherOfItsValues() throws IOException {
        Path dir = corpus().resolve("sbousseaden-EVTX-ATTACK-SAMPLES");
        assumeTrue(Files.isDirectory(dir), "SKIP: no EVTX attack samples at " + dir);
        EchoCheck echoes = new EchoCheck();
        new InputReader(new RunSummary(), p -> { }).read(List.of(dir.toString()), echoes);
        echoes.verify();
    }

    /**
     * Values marked as echoes ({@link CanonicalEvent#markEcho}) are passed by when every value is searched for
     * keywords; that is sound only if each occurs in another value of its event (a string or an element).
     */
    private static final class EchoCheck implements java.util.function.Consumer<CanonicalEvent> {
        long marked;
        final List<String> wrong = new java.util.ArrayList<>();

        @Override
        public void accept(CanonicalEvent ce) {
            for (int i = 0; i < ce.size(); i++) {
                if (!ce.echoAt(i)) {
                    continue;
                }
                marked++;
                String echo = (String) ce.valueAt(i);
                boolean found = false;
                for (int j = 0; j < ce.size() && !found; j++) {
                    if (j != i && !ce.echoAt(j)) {
                        Object v = ce.valueAt(j);
                        found = v instanceof String s ? s.contains(echo)
                                : v instanceof String[] a && java.util.Arrays.stream(a).anyMatch(x -> x != null && x.contains(echo));
                    }
                }
                if (!found && wrong.size() < 5) {
                    wrong.add(ce.fieldAt(i).name() + "=" + echo + " in " + ce.origin());
                }
            }
        }

        void verify() {
            System.out.printf("echoes: %d values marked, %d not found elsewhere %s%n", marked, wrong.size(), wrong);
            assertThat(wrong).isEmpty();
            assertThat(marked).isGreaterThan(1000);
        }
    }

    @Test
    void regressionJsonKeepsTheEventRecordIdAsTheRecordNumber() throws IOException {
        Path dir = corpus().resolve("SigmaHQ-sigma/regression_data");
        assumeTrue(Files.isDirectory(dir), "SKIP: no regression_data in the corpus");
        RunSummary summary = new RunSummary();
        List<dev.vigil.core.event.CanonicalEvent> out = new java.util.ArrayList<>();
        new InputReader(summary, p -> { }).read(List.of(dir.toString()), out::add);
        assertThat(out).isNotEmpty();
        assertThat(summary.recordsSkippedTotal()).isZero();
        for (dev.vigil.core.event.CanonicalEvent e : out) {
            String id = e.text(dev.vigil.core.event.Field.of("EventRecordID"));
            assertThat(id).as("EventRecordID of %s", e.origin()).isNotNull();
            assertThat(e.origin().record()).isEqualTo(Long.parseLong(id));
            assertThat(e.eventClass().product()).isEqualTo("windows");
        }
    }
}
