package dev.vigil.dialects.sigma;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A file splits into its documents at separator lines, each with the file line it starts on. */
class SigmaDocumentsTest {

    @Test
    void documentsStartAfterTheirSeparators() {
        assertThat(SigmaDocuments.split("title: a\n---\ntitle: b\n--- # c\ntitle: c"))
                .containsExactly(new SigmaDocuments.Part("title: a\n", 1), new SigmaDocuments.Part("title: b\n", 3),
                        new SigmaDocuments.Part("title: c", 5));
    }

    @Test
    void aLeadingSeparatorAndBlankDocumentsGiveNoParts() {
        assertThat(SigmaDocuments.split("---\r\ntitle: a\r\n---\n\n---")).containsExactly(new SigmaDocuments.Part("title: a\r\n", 2));
    }

    @Test
    void agreesWithJoiningTheLinesBetweenSeparators() {
        Random r = new Random(20261123L);
        String[] lines = {"---", "--- ", "---\r", "----", "--", "title: x", "", "  - a", " ---", "---x", "\r"};
        for (int round = 0; round < 3000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(8);
            for (int i = 0; i < n; i++) {
                sb.append(lines[r.nextInt(lines.length)]);
                if (i + 1 < n || r.nextBoolean()) {
                    sb.append('\n');
                }
            }
            String text = sb.toString();
            assertThat(SigmaDocuments.split(text)).as("%s", text.replace("\n", "\\n")).isEqualTo(byLines(text));
        }
    }

    /** The documents as lines joined between separator lines. */
    private static List<SigmaDocuments.Part> byLines(String text) {
        List<SigmaDocuments.Part> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder cur = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            if (l.equals("---") || l.startsWith("--- ") || l.equals("---\r")) {
                if (!cur.toString().isBlank()) {
                    out.add(new SigmaDocuments.Part(cur.toString(), start));
                }
                cur.setLength(0);
                start = i + 2;
                continue;
            }
            cur.append(l);
            if (i + 1 < lines.length) {
                cur.append('\n');
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(new SigmaDocuments.Part(cur.toString(), start));
        }
        return out;
    }
}
