package dev.vigil.dialects.sigma;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The block-YAML reader gives, for every text it answers for, the very nodes snakeyaml-engine composes
 * (types, tags, styles, values, start positions), and answers for most real rules.
 */
class BlockYamlTest {

    @Test
    void composesEverySigmaHqDocumentItAnswersForAsTheComposerDoes() throws IOException {
        int documents = 0;
        int answered = 0;
        for (Path f : Corpus.ruleFiles(Corpus.sigmaRules())) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            for (SigmaDocuments.Part part : SigmaDocuments.split(text)) {
                documents++;
                Optional<Node> fast = BlockYaml.compose(part.text(), f.toString());
                if (fast.isPresent()) {
                    answered++;
                    assertThat(describe(fast.get())).as("%s", f).isEqualTo(describe(composer(part.text())));
                }
            }
        }
        assertThat(documents).isGreaterThan(3000);
        // The point of the reader: most rules never reach the general composer.
        assertThat(answered).as("documents answered of %d", documents).isGreaterThan(documents * 9 / 10);
    }

    @Test
    void neverAnswersForTextTheComposerReadsOtherwiseOrRejects() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path f : Corpus.ruleFiles(Corpus.sigmaRules())) {
            if (texts.size() == 300) {
                break;
            }
            texts.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        Random r = new Random(41);
        String pieces = ":-#'\" |\n  x\\";
        int answered = 0;
        for (int round = 0; round < 6000; round++) {
            StringBuilder t = new StringBuilder(texts.get(r.nextInt(texts.size())));
            for (int m = 0; m < 1 + r.nextInt(3); m++) {
                int at = r.nextInt(t.length() + 1);
                if (r.nextBoolean() && at < t.length()) {
                    t.deleteCharAt(at);
                } else {
                    t.insert(at, pieces.charAt(r.nextInt(pieces.length())));
                }
            }
            String text = t.toString();
            Optional<Node> fast = BlockYaml.compose(text, "mutated");
            if (fast.isEmpty()) {
                continue;
            }
            answered++;
            Node expected;
            try {
                expected = composer(text);
            } catch (RuntimeException e) {
                throw new AssertionError("answered for text the composer rejects (" + e.getMessage() + "):\n" + text, e);
            }
            assertThat(describe(fast.get())).as("%s", text).isEqualTo(describe(expected));
        }
        assertThat(answered).as("mutated texts answered").isGreaterThan(1000);
    }

    @Test
    void readsLiteralBlocksAndIndentlessSequences() {
        String text = "title: t\ndescription: |\n    line one\n\n    line two\ntags:\n- a\n- 'b'' c'\ndetection:\n    sel:\n"
                + "        - Image|endswith: '\\x.exe'\n          CommandLine: \"a\\\\b\"\n    condition: sel # any\nempty:\n";
        assertThat(describe(BlockYaml.compose(text, "t").orElseThrow())).isEqualTo(describe(composer(text)));
    }

    @Test
    void leavesEverythingElseToTheComposer() {
        for (String text : List.of("a: [1, 2]\n", "a: &x b\n", "a: !!str b\n", "a: b\n  c\n", "a: 'b\n  c'\n",
                "a: >\n  folded\n", "'a': b\n", "a: \"\\u0041\"\n", "a:\tb\n", "---\na: b\n---\nc: d\n", "- a\n", "a: é\n",
                "a: b: c\n", "a: b\n c: d\n")) {
            assertThat(BlockYaml.compose(text, "t")).as(text).isEmpty();
        }
    }

    private static Node composer(String text) {
        LoadSettings settings = LoadSettings.builder().setLabel("t").setSchema(new FailsafeSchema())
                .setAllowDuplicateKeys(true).build();
        List<Node> docs = new ArrayList<>();
        for (Node n : new Compose(settings).composeAllFromString(text)) {
            docs.add(n);
        }
        if (docs.size() != 1) {
            throw new IllegalStateException(docs.size() + " documents");
        }
        return docs.get(0);
    }

    /** The node tree as text: kind, tag, style, value and start position of every node. */
    private static String describe(Node n) {
        StringBuilder sb = new StringBuilder();
        describe(n, sb, "");
        return sb.toString();
    }

    private static void describe(Node n, StringBuilder sb, String indent) {
        String at = n.getStartMark().map(m -> "@" + m.getLine() + ":" + m.getColumn()).orElse("@?");
        sb.append(indent).append(n.getNodeType()).append(' ').append(n.getTag()).append(' ').append(at);
        if (n instanceof ScalarNode s) {
            sb.append(' ').append(s.getScalarStyle()).append(" [").append(s.getValue()).append("]\n");
        } else if (n instanceof MappingNode m) {
            sb.append('\n');
            for (NodeTuple t : m.getValue()) {
                describe(t.getKeyNode(), sb, indent + "  k ");
                describe(t.getValueNode(), sb, indent + "  v ");
            }
        } else if (n instanceof SequenceNode q) {
            sb.append('\n');
            for (Node i : q.getValue()) {
                describe(i, sb, indent + "  - ");
            }
        }
    }
}
