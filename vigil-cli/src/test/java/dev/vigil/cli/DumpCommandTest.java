package dev.vigil.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DumpCommandTest {

    /** Corpus EVTX files of different sizes and shapes (multi-chunk, damaged, UserData). */
    static final List<String> EVTX = List.of(
            "omerbenamram-evtx/samples/security.evtx",
            "omerbenamram-evtx/samples/2-system-Security-dirty.evtx",
            "omerbenamram-evtx/samples/Application_no_crc32.evtx",
            "sbousseaden-EVTX-ATTACK-SAMPLES/UACME_59_Sysmon.evtx");

    static String[] corpusFiles() {
        String[] files = EVTX.stream().map(f -> CliRun.CORPUS.resolve(f)).filter(Files::exists).map(Path::toString)
                .toArray(String[]::new);
        assumeTrue(files.length > 1, "corpus absent: " + CliRun.CORPUS
                + " (set -Dvigil.corpus to the shared corpus folder)");
        return files;
    }

    static String[] args(String[] files, String... options) {
        String[] all = Arrays.copyOf(options, options.length + files.length);
        System.arraycopy(files, 0, all, options.length, files.length);
        return all;
    }

    @Test
    void canonicalEventsCarryTheirSourceLikeADetection() {
        CliRun r = CliRun.of("dump", CliRun.sample("sysmon.xml"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        String first = r.out().lines().findFirst().orElseThrow();
        assertThat(first).startsWith("{\"source\":{\"path\":\"" + CliRun.sample("sysmon.xml") + "\",\"record\":")
                .contains("},\"event\":{\"").endsWith("}}");
        assertThat(r.err()).contains("Summary").containsPattern("records +" + r.out().lines().count() + " read: "
                + r.out().lines().count() + " dumped");
    }

    @Test
    void parallelOutputIsByteIdenticalToOneThread() {
        String[] files = corpusFiles();
        for (String format : List.of("jsonl", "xml")) {
            CliRun one = CliRun.of(args(files, "dump", "-q", "--format", format, "--threads", "1"));
            CliRun three = CliRun.of(args(files, "dump", "-q", "--format", format, "--threads", "3"));
            assertThat(one.out()).isNotEmpty();
            assertThat(three.out()).as(format).isEqualTo(one.out());
            assertThat(three.err()).as(format).isEqualTo(one.err());
        }
    }

    @Test
    void xmlIsOneEventPerLine() {
        String[] files = corpusFiles();
        CliRun r = CliRun.of(args(files, "dump", "--format", "xml"));
        List<String> lines = r.out().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("<Event").endsWith("</Event>"));
        assertThat(r.err()).containsPattern("records +[0-9,]+ read: " + String.format("%,d", lines.size()) + " dumped");
    }

    @Test
    void evtxRecordsAreNamedByEventRecordIdAsInAHunt() {
        String[] files = corpusFiles();
        CliRun r = CliRun.of("dump", "-q", files[0]);
        for (String line : r.out().lines().limit(50).toList()) {
            String id = line.replaceAll(".*\"EventRecordID\":\"([0-9]+)\".*", "$1");
            assertThat(line).contains("\"record\":" + id + "},");
        }
    }

    @Test
    void damageIsNamedAndCounted() {
        Path dirty = CliRun.CORPUS.resolve("omerbenamram-evtx/samples/Application_no_crc32.evtx");
        assumeTrue(Files.exists(dirty), "corpus absent: " + dirty);
        CliRun r = CliRun.of("dump", dirty.toString());
        assertThat(r.err()).contains(dirty + ": error[evtx/file-header]").contains("evtx/file-header: 1");
    }

    @Test
    void missingInputIsNamedCountedAndExitsThreeBeyondTheLimit() {
        CliRun r = CliRun.of("dump", "--max-input-errors", "0", CliRun.sample("sysmon.xml"), "no/such.evtx");
        assertThat(r.exitCode()).isEqualTo(Vigil.INPUT_ERRORS);
        assertThat(r.err()).contains("no/such.evtx: error[input/not-found]").contains("1 skipped (not found: 1)");
    }

    @Test
    void xmlOfANonEvtxInputIsASkippedFileNotASilentOne() {
        CliRun r = CliRun.of("dump", "--format", "xml", CliRun.sample("sysmon.xml"));
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("error[dump/no-xml-form]").contains("no event XML form: 1");
    }

    @Test
    void negativeThreadsIsAUsageError() {
        assertThat(CliRun.of("dump", "--threads", "-1", CliRun.sample("sysmon.xml")).exitCode()).isEqualTo(Vigil.USAGE);
    }
}
