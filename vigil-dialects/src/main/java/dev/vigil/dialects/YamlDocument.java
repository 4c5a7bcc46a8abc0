package dev.vigil.dialects;

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

import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.SourceSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A YAML document read as a node tree that keeps every node's line and column, so loaders can point
 * diagnostics at the author's text. Scalars keep their text as written (failsafe schema): {@code 010}
 * stays "010", {@code yes} stays "yes".
 */
public final class YamlDocument {

    private final String file;
    private final String text;
    private final Node root;

    private YamlDocument(String file, String text, Node root) {
        this.file = file;
        this.text = text;
        this.root = root;
    }

    /** Thrown when the text is not YAML; carries a positioned diagnostic. */
    public static final class YamlSyntaxException extends RuntimeException {
        private final transient Diagnostic diagnostic;

        YamlSyntaxException(Diagnostic d) {
            super(d.message(), null, false, false);
            this.diagnostic = d;
        }

        public Diagnostic diagnostic() {
            return diagnostic;
        }
    }

    public static LoadSettings settings(String file) {
        return LoadSettings.builder().setLabel(file).setSchema(new FailsafeSchema()).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50).setCodePointLimit(8 * 1024 * 1024).build();
    }

    /** Parses one document; {@code code} names the diagnostic (e.g. {@code car/invalid-yaml}). */
    public static YamlDocument parse(String file, String text, String code) {
        try {
            Optional<Node> n = new Compose(settings(file)).composeString(text);
            if (n.isEmpty()) {
                throw new YamlSyntaxException(Diagnostic.error(code, new SourceSpan(file, 1, 1), "the document is empty"));
            }
            return new YamlDocument(file, text, n.get());
        } catch (MarkedYamlEngineException e) {
            Mark m = e.getProblemMark().orElse(e.getContextMark().orElse(null));
            SourceSpan at = m == null ? new SourceSpan(file, 1, 1) : new SourceSpan(file, m.getLine() + 1, m.getColumn() + 1);
            throw new YamlSyntaxException(Diagnostic.error(code, at, "not valid YAML: "
                    + (e.getProblem() == null ? e.getContext() : e.getProblem())));
        } catch (YamlEngineException e) {
            throw new YamlSyntaxException(Diagnostic.error(code, new SourceSpan(file, 1, 1), "not valid YAML: "
                    + e.getMessage()));
        }
    }

    public Node root() {
        return root;
    }

    public String file() {
        return file;
    }

    /** The value node under {@code key} in a mapping node, if present. */
    public static Optional<Node> get(Node mapping, String key) {
        if (!(mapping instanceof MappingNode m)) {
            return Optional.empty();
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return Optional.of(t.getValueNode());
            }
        }
        return Optional.empty();
    }

    public Optional<Node> get(String key) {
        return get(root, key);
    }

    /** A scalar's text, or empty when absent or not a scalar (YAML {@code null} and {@code ~} count as absent). */
    public static Optional<String> text(Node n) {
        if (n instanceof ScalarNode s) {
            String v = s.getValue();
            if (s.getScalarStyle() == ScalarStyle.PLAIN && (v.isEmpty() || v.equals("~") || v.equals("null"))) {
                return Optional.empty();
            }
            return Optional.of(v);
        }
        return Optional.empty();
    }

    public static String text(Node mapping, String key) {
        return get(mapping, key).flatMap(YamlDocument::text).orElse(null);
    }

    public String text(String key) {
        return text(root, key);
    }

    /** A sequence's items, or the node itself as a one-item list when it is not a sequence. */
    public static List<Node> items(Node n) {
        if (n instanceof SequenceNode s) {
            return s.getValue();
        }
        return n == null ? List.of() : List.of(n);
    }

    /** Text items of a sequence (or a single scalar) under {@code key}. */
    public static List<String> texts(Node mapping, String key) {
        List<String> out = new ArrayList<>();
        get(mapping, key).ifPresent(n -> items(n).forEach(i -> text(i).ifPresent(out::add)));
        return out;
    }

    public SourceSpan span(Node n) {
        return n.getStartMark().map(m -> new SourceSpan(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new SourceSpan(file, 1, 1));
    }

    /**
     * Where a scalar's content starts in the file, for mapping query positions back: after the quote of
     * a quoted scalar, on the line after the indicator of a block scalar ({@code |} or {@code >}).
     */
    public QuerySource querySource(Node n) {
        Mark m = n.getStartMark().orElse(null);
        if (m == null) {
            return new QuerySource(file, 1, 1, 0);
        }
        int line = m.getLine() + 1;
        int col = m.getColumn() + 1;
        if (n instanceof ScalarNode s) {
            ScalarStyle style = s.getScalarStyle();
            if (style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) {
                int indent = blockIndent(m.getLine() + 1);
                return new QuerySource(file, line + 1, indent + 1, indent);
            }
            if (style == ScalarStyle.DOUBLE_QUOTED || style == ScalarStyle.SINGLE_QUOTED) {
                return new QuerySource(file, line, col + 1, m.getColumn());
            }
        }
        return new QuerySource(file, line, col, m.getColumn());
    }

    // The indentation of the first non-blank line at or after 0-based line 'from'.
    private int blockIndent(int from) {
        String[] lines = text.split("\n", -1);
        for (int i = from; i < lines.length; i++) {
            String l = lines[i];
            if (!l.isBlank()) {
                int k = 0;
                while (k < l.length() && l.charAt(k) == ' ') {
                    k++;
                }
                return k;
            }
        }
        return 0;
    }
}
