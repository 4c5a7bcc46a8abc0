package dev.vigil.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is named (file + line/record), counted, and the rest is still read. */
class BrokenInputTest {

    @TempDir
    Path dir;

    private static final String EVENT = "<Event><System><EventID>%d</EventID><Channel>System</Channel></System></Event>";

    private static String event(int id) {
        return EVENT.replace("%d", Integer.toString(id));
    }

    @Test
    void malformedJsonLineIsReportedAndTheNextLinesAreRead() {
        Inputs r = Inputs.text(dir, "x.jsonl", "{\"EventID\":1,\"Channel\":\"System\"}\n{\"a\": }\n\n{\"b\":2}\n");
        assertThat(r.events).hasSize(2);
        assertThat(r.summary.recordsRead()).isEqualTo(3);
        assertThat(r.summary.recordsSkipped()).containsEntry("input/malformed-json", 1L);
        assertThat(r.problems).hasSize(1);
        assertThat(r.problems.get(0).render()).startsWith(dir.resolve("x.jsonl") + ":2: error[input/malformed-json]: ")
                .endsWith("— expected a JSON object per line");
        assertThat(r.events.get(1).origin().line()).isEqualTo(4);
        assertThat(r.events.get(1).origin().record()).isEqualTo(3);
    }

    @Test
    void malformedXmlEventIsReportedAndTheNextEventIsRead() {
        String text = "<Events>\n" + event(1) + "\n<Event><System><EventID>2</Event>\n" + event(3) + "\n</Events>\n";
        Inputs r = Inputs.text(dir, "x.xml", text);
        assertThat(r.events).extracting(e -> e.text(dev.vigil.core.event.Field.of("EventID"))).containsExactly("1", "3");
        assertThat(r.summary.recordsSkipped()).containsEntry("input/malformed-xml", 1L);
        assertThat(r.problems.get(0).line()).isEqualTo(3);
        assertThat(r.problems.get(0).record()).isEqualTo(2);
        assertThat(r.events.get(1).origin().line()).isEqualTo(4);
    }

    @Test
    void unterminatedXmlEventIsReportedBeforeTheNextOne() {
        Inputs r = Inputs.text(dir, "u.xml", "<Event><System><EventID>1</EventID>\n" + event(2) + "\n");
        assertThat(r.events).hasSize(1);
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.message()).contains("not closed"));
    }

    @Test
    void prefixedEventsAndControlCharactersAreRead() {
        String text = "<?xml version=\"1.0\"?><e:Events xmlns:e=\"http://schemas.microsoft.com/win/2004/08/events/event\">"
                + "<e:Event><e:System><e:EventID>7</e:EventID></e:System><e:EventData>"
                + "<e:Data Name=\"CommandLine\">a\u0001b &#x2; c</e:Data><e:Data>u1</e:Data><e:Data>u2</e:Data>"
                + "</e:EventData></e:Event></e:Events>";
        Inputs r = Inputs.text(dir, "p.xml", text);
        assertThat(r.problems).isEmpty();
        assertThat(Inputs.field(r.only(), "CommandLine")).isEqualTo("a\uFFFDb \uFFFD c");
        assertThat((String[]) Inputs.field(r.only(), "Data")).containsExactly("u1", "u2");
    }

    @Test
    void doctypeAndExternalEntitiesAreNotResolved() {
        String text = "<Event><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><System><EventID>&e;</EventID></System></Event>";
        Inputs r = Inputs.text(dir, "xxe.xml", text);
        assertThat(r.events).allSatisfy(e -> assertThat(String.valueOf(Inputs.field(e, "EventID"))).doesNotContain("root"));
        assertThat(r.summary.recordsRead()).isEqualTo(r.events.size() + r.summary.recordsSkippedTotal());
    }

    @Test
    void truncatedGzipIsReportedWithTheRecordsBeforeItRead() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("{\"EventID\":").append(i).append(",\"Channel\":\"System\",\"pad\":\"").append(i * 7919L).append("\"}\n");
        }
        byte[] gz = gzip(sb.toString().getBytes(StandardCharsets.UTF_8));
        Path f = Inputs.write(dir, "t.gz", Arrays.copyOf(gz, gz.length / 2));
        Inputs r = Inputs.read(f);
        assertThat(r.events).isNotEmpty().hasSizeLessThan(2000);
        // The record cut in half is a bad record; the truncation itself is named with the line reached.
        assertThat(r.problems).extracting(InputProblem::kind).containsExactly("input/malformed-json", "input/truncated");
        assertThat(r.problems.get(1).line()).isPositive();
        assertThat(r.summary.recordsRead()).isEqualTo(r.events.size() + r.summary.recordsSkippedTotal());
        assertThat(r.summary.filesRead()).isEqualTo(1);
    }

    @Test
    void zipWithANonEventMemberReadsTheEventsAndReportsTheMember() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("events.json"));
            z.write("{\"EventID\":1,\"Channel\":\"System\"}\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("README.md"));
            z.write("# About\nthese events\n".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("more.xml.gz"));
            z.write(gzip(event(2).getBytes(StandardCharsets.UTF_8)));
        }
        Path f = Inputs.write(dir, "a.zip", bytes.toByteArray());
        Inputs r = Inputs.read(f);
        assertThat(r.events).hasSize(2);
        assertThat(r.events.get(0).origin().path()).isEqualTo(f + "!/events.json");
        assertThat(r.events.get(1).origin().path()).isEqualTo(f + "!/more.xml.gz");
        assertThat(r.summary.filesSkipped()).containsEntry("unsupported format: Markdown", 1L);
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo(f + "!/README.md");
            assertThat(p.kind()).isEqualTo("input/unsupported-format");
        });
    }

    @Test
    void binaryGarbageYamlAndEvtxAreCountedAsSkippedFiles() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        Path bin = Inputs.write(dir, "g.json", garbage);
        Path yaml = Inputs.write(dir, "r.yml", "title: x\ndetection: {}\n".getBytes(StandardCharsets.UTF_8));
        Path evtx = Inputs.write(dir, "s.dat", "ElfFile\0rest".getBytes(StandardCharsets.ISO_8859_1));
        Inputs r = Inputs.read(bin, yaml, evtx);
        assertThat(r.summary.filesSkipped()).containsEntry("unsupported format: binary", 1L)
                .containsEntry("unsupported format: YAML", 1L).containsEntry("unreadable EVTX", 1L);
        assertThat(r.problems).extracting(InputProblem::kind).containsExactly("input/unsupported-format",
                "input/unsupported-format", "input/bad-evtx");
        assertThat(r.events).isEmpty();
    }

    @Test
    void directoriesAreWalkedInSortedOrderWithJoinedPaths() {
        Inputs.write(dir, "b.jsonl", "{\"k\":2}\n".getBytes(StandardCharsets.UTF_8));
        Inputs.write(dir, "a.jsonl", "{\"k\":1}\n".getBytes(StandardCharsets.UTF_8));
        Inputs r = Inputs.read(dir);
        assertThat(r.events).extracting(e -> e.origin().path()).containsExactly(dir + "/a.jsonl", dir + "/b.jsonl");
    }

    @Test
    void randomInputsNeverThrowAndAlwaysBalanceTheAccounts() {
        Random rnd = new Random(42);
        String[] pieces = {"{", "}", "[", "]", "\"", ":", ",", "\n", "<Event>", "</Event>", "<System>", "<Data Name=\"x\">",
            "</Data>", "a", "1", "\\", "<", ">", "&#1;", "\u0000"};
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder(i % 2 == 0 ? "{" : "<Event>");
            int n = rnd.nextInt(60);
            for (int j = 0; j < n; j++) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            Inputs r = Inputs.text(dir, "f" + i, sb.toString());
            assertThat(r.summary.recordsRead()).isEqualTo(r.events.size() + r.summary.recordsSkippedTotal());
            assertThat(r.summary.filesRead() + r.summary.filesSkippedTotal()).isEqualTo(1);
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(data);
        }
        return out.toByteArray();
    }
}
