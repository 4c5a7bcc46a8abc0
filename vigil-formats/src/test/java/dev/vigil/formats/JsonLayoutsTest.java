package dev.vigil.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three JSON layouts read the same events. */
class JsonLayoutsTest {

    @TempDir
    Path dir;

    @Test
    void prettyPrintedStreamWithEvtxDumpHeaders() {
        Inputs r = Inputs.text(dir, "p.json", "Record 1\n{\n  \"k\": \"}{\"\n}\nRecord 2\n{\n  \"k\": 2\n}\n");
        assertThat(r.events).hasSize(2);
        assertThat(r.problems).isEmpty();
        assertThat(r.events.get(1).origin().line()).isEqualTo(6);
        assertThat(Inputs.field(r.events.get(0), "k")).isEqualTo("}{");
    }

    @Test
    void topLevelArray() {
        Inputs r = Inputs.text(dir, "a.json", "[\n {\"k\": 1},\n {\"k\": [1, 2]}\n]\n");
        assertThat(r.events).hasSize(2);
        assertThat((String[]) Inputs.field(r.events.get(1), "k")).containsExactly("1", "2");
    }

    @Test
    void textBetweenDocumentsIsABadRecord() {
        Inputs r = Inputs.text(dir, "j.json", "{\n\"k\": 1\n}\ngarbage here\n{\n\"k\": 2\n}\n");
        assertThat(r.events).hasSize(2);
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(4));
    }

    @Test
    void aLineThatIsNotAnObjectIsNamed() {
        Inputs r = Inputs.text(dir, "n.jsonl", "{\"k\":1}\n42\n");
        assertThat(r.summary.recordsSkipped()).containsEntry("input/not-an-object", 1L);
    }

    @Test
    void blankLinesBeforeTheFirstObjectKeepLineNumbersInBothLayouts() {
        Inputs lines = Inputs.text(dir, "b.jsonl", "\n  \n{\"k\": 1}\n{\"k\": 2}\n");
        assertThat(lines.events).extracting(e -> e.origin().line()).containsExactly(3L, 4L);
        Inputs pretty = Inputs.text(dir, "b.json", "\n\n{\n  \"k\": 1\n}\n{\n  \"k\": 2\n}\n");
        assertThat(pretty.events).extracting(e -> e.origin().line()).containsExactly(3L, 6L);
    }

    @Test
    void aFirstLineLongerThanTheReadBufferIsReplayedWhole() {
        String padding = " ".repeat(200_000);
        Inputs r = Inputs.text(dir, "long.json", "[" + padding + "{\"k\": 1},\n {\"k\": 2}\n]\n");
        assertThat(r.problems).isEmpty();
        assertThat(r.events).extracting(e -> Inputs.field(e, "k")).containsExactly("1", "2");
    }

    @Test
    void aMinifiedArrayOnOneLineOfMoreThanSixteenMillionCharactersIsRead() {
        StringBuilder line = new StringBuilder("[");
        String event = "{\"k\": \"" + "x".repeat(1000) + "\"},";
        while (line.length() <= 1 << 24) {
            line.append(event);
        }
        line.append("{\"k\": \"last\"}]");
        Inputs r = Inputs.text(dir, "min.json", line + "\n");
        assertThat(r.problems).isEmpty();
        assertThat(r.events).hasSizeGreaterThan(16_000);
        assertThat(Inputs.field(r.events.get(r.events.size() - 1), "k")).isEqualTo("last");
    }
}
