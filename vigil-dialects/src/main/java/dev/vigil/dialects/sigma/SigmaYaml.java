package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.SourceSpan;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One YAML document of a Sigma file, composed into nodes that keep their line and column. The failsafe
 * schema keeps every scalar as the text the author wrote ({@code 0x17}, {@code yes}, {@code 010} stay
 * text); {@link SigmaValue#of} decides the YAML 1.1 type pySigma would see, keeping that text as well.
 *
 * @param source maps positions in the document's text to positions in its file (a document later in a
 *               multi-document file, or a rule embedded as a block scalar in another document)
 */
public record SigmaYaml(Node root, QuerySource source) {

    /** Thrown for text that is not YAML; carries the position of the problem. */
    public static final class Invalid extends Exception {
        private final transient SourceSpan span;

        Invalid(String message, SourceSpan span) {
            super(message, null, false, false);
            this.span = span;
        }

        public SourceSpan span() {
            return span;
        }
    }

    /** The file the document was read from. */
    public String file() {
        return source.file();
    }

    private static final int MAX_CODE_POINTS = 8 * 1024 * 1024;
    /**
     * The last documents composed on this thread. Loading a rule file reads each document four times (its
     * rules, its correlations, its rule names, then each rule's query is compiled), and composing is most
     * of the cost of loading a rule set; the nodes are never modified, so the four reads can share them.
     */
    private static final ThreadLocal<LinkedHashMap<Key, SigmaYaml>> RECENT = ThreadLocal.withInitial(
            () -> new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, SigmaYaml> eldest) {
                    return size() > RECENT_DOCUMENTS;
                }
            });
    private static final int RECENT_DOCUMENTS = 8;

    private record Key(String text, QuerySource source) {}

    /** Composes {@code text} (one document); an empty document gives an empty root scalar. */
    public static SigmaYaml parse(String text, QuerySource source) throws Invalid {
        Key key = new Key(text, source);
        Map<Key, SigmaYaml> recent = RECENT.get();
        SigmaYaml seen = recent.get(key);
        if (seen != null) {
            return seen;
        }
        SigmaYaml doc = compose(text, source);
        recent.put(key, doc);
        return doc;
    }

    private static SigmaYaml compose(String text, QuerySource source) throws Invalid {
        String file = source.file();
        Optional<Node> block = BlockYaml.compose(text, file);
        if (block.isPresent()) {
            return new SigmaYaml(block.get(), source);
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(new FailsafeSchema())
                .setAllowDuplicateKeys(true)
                .setMaxAliasesForCollections(50)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        try {
            List<Node> docs = new ArrayList<>();
            for (Node n : new Compose(settings).composeAllFromString(text)) {
                docs.add(n);
            }
            if (docs.size() > 1) {
                throw new Invalid("more than one YAML document where one was expected",
                        source.at(line(docs.get(1)), 1));
            }
            Node root = docs.isEmpty() ? new ScalarNode(org.snakeyaml.engine.v2.nodes.Tag.NULL, "", ScalarStyle.PLAIN)
                    : docs.get(0);
            return new SigmaYaml(root, source);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> m = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
            SourceSpan span = m.map(x -> source.at(x.getLine() + 1, x.getColumn() + 1)).orElse(source.at(1, 1));
            throw new Invalid(problem, span);
        } catch (YamlEngineException e) {
            throw new Invalid(String.valueOf(e.getMessage()), source.at(1, 1));
        } catch (RuntimeException e) {
            // The composer's own limits (nesting depth, aliases) surface as plain runtime exceptions.
            throw new Invalid("YAML not readable: " + e.getClass().getSimpleName(), source.at(1, 1));
        }
    }

    private static int line(Node n) {
        return n.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    /** Where a node starts in its file. */
    public SourceSpan span(Node n) {
        if (n == null) {
            return source.at(1, 1);
        }
        return n.getStartMark().map(m -> source.at(m.getLine() + 1, m.getColumn() + 1)).orElse(source.at(1, 1));
    }

    /** Where the key {@code key} of a mapping is written (the mapping's own position when absent). */
    public SourceSpan keySpan(Node map, String key) {
        for (NodeTuple t : entries(map)) {
            if (key.equals(text(t.getKeyNode()))) {
                return span(t.getKeyNode());
            }
        }
        return span(map);
    }

    /** A position {@code offset} characters into a single-line scalar (for condition strings). */
    public SourceSpan spanAt(ScalarNode n, int offset) {
        SourceSpan s = span(n);
        ScalarStyle style = n.getScalarStyle();
        if (style == ScalarStyle.PLAIN) {
            return new SourceSpan(s.file(), s.line(), s.column() + offset);
        }
        if ((style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) && n.getValue().indexOf('\n') < 0) {
            return new SourceSpan(s.file(), s.line(), s.column() + 1 + offset);
        }
        return s;
    }

    public static boolean isMap(Node n) {
        return n instanceof MappingNode;
    }

    public static boolean isSeq(Node n) {
        return n instanceof SequenceNode;
    }

    public static boolean isScalar(Node n) {
        return n instanceof ScalarNode;
    }

    /** A plain scalar that YAML 1.1 reads as null: empty, {@code ~}, {@code null}. */
    public static boolean isNull(Node n) {
        if (!(n instanceof ScalarNode s) || !s.isPlain()) {
            return false;
        }
        String v = s.getValue();
        return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
    }

    /** The text of a scalar key or value; null for anything else. */
    public static String text(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    /** The value under {@code key} in a mapping, or null; a repeated key takes its last value, as PyYAML does. */
    public static Node get(Node map, String key) {
        Node found = null;
        if (map instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (key.equals(text(t.getKeyNode()))) {
                    found = t.getValueNode(); // later keys override earlier ones, as PyYAML does
                }
            }
        }
        return found;
    }

    public static List<NodeTuple> entries(Node map) {
        return map instanceof MappingNode m ? m.getValue() : List.of();
    }

    public static List<Node> items(Node seq) {
        return seq instanceof SequenceNode s ? s.getValue() : List.of();
    }

    /** A scalar or a list of scalars as strings (nulls skipped); anything else gives an empty list. */
    public static List<String> strings(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof ScalarNode s) {
            if (!isNull(s)) {
                out.add(s.getValue());
            }
        } else if (n instanceof SequenceNode seq) {
            for (Node i : seq.getValue()) {
                if (i instanceof ScalarNode s && !isNull(s)) {
                    out.add(s.getValue());
                }
            }
        }
        return out;
    }
}
