package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.Severity;
import dev.vigil.core.diag.SourceSpan;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the top-level keys of a Sigma rule (specification 2.1 "File Structure"). Missing mandatory keys
 * ({@code title}, {@code logsource}, {@code detection}, {@code condition}) reject the rule; malformed optional
 * metadata is a warning and the rule still runs. Dates accept the Sigma 1 {@code YYYY/MM/DD} form that older
 * rules still carry. Custom keys are allowed, as the specification says.
 */
final class SigmaRuleReader {

    private static final Set<String> STATUS = Set.of("stable", "test", "experimental", "deprecated", "unsupported");
    private static final Set<String> LEVEL = Set.of("informational", "low", "medium", "high", "critical");
    private static final Set<String> RELATION = Set.of("derived", "obsolete", "merged", "renamed", "similar");

    private SigmaRuleReader() {
    }

    /** The rule, or null when it cannot run (the reason is in {@code diags}). */
    static SigmaRule read(SigmaYaml doc, Diagnostics diags) {
        Node root = doc.root();
        if (!SigmaYaml.isMap(root)) {
            diags.report(error("sigma/invalid-rule", doc.span(root), "a Sigma rule is a YAML mapping of keys",
                    "start the file with 'title:'"));
            return null;
        }
        boolean ok = true;
        String title = scalar(doc, root, "title", diags);
        if (title == null) {
            diags.report(error("sigma/missing-key", doc.span(root), "the rule has no 'title'", "add 'title: ...'"));
            ok = false;
        } else if (title.length() > 256) {
            diags.report(warning("sigma/bad-title", doc.span(SigmaYaml.get(root, "title")),
                    "the title is longer than 256 characters", "shorten it; the description holds the details"));
        }
        String id = scalar(doc, root, "id", diags);
        if (id != null && !uuid(id)) {
            diags.report(warning("sigma/bad-id", doc.span(SigmaYaml.get(root, "id")), "id '" + id + "' is not a UUID",
                    "Sigma rule ids are UUIDs (e.g. from uuidgen)"));
        }
        String status = scalar(doc, root, "status", diags);
        if (status != null && !STATUS.contains(status)) {
            diags.report(warning("sigma/bad-status", doc.span(SigmaYaml.get(root, "status")),
                    "unknown status '" + status + "'", "allowed: " + String.join(", ", sorted(STATUS))));
        }
        String level = scalar(doc, root, "level", diags);
        if (level != null && !LEVEL.contains(level)) {
            diags.report(warning("sigma/bad-level", doc.span(SigmaYaml.get(root, "level")),
                    "unknown level '" + level + "'", "allowed: informational, low, medium, high, critical"));
            level = null;
        }
        for (String key : List.of("date", "modified")) {
            String d = scalar(doc, root, key, diags);
            if (d != null && !date(d)) {
                diags.report(warning("sigma/bad-date", doc.span(SigmaYaml.get(root, key)),
                        "'" + key + "' is '" + d + "', not a date", "write YYYY-MM-DD"));
            }
        }
        List<String> tags = SigmaYaml.strings(SigmaYaml.get(root, "tags"));
        for (String t : tags) {
            if (!tag(t)) {
                diags.report(warning("sigma/bad-tag", doc.span(SigmaYaml.get(root, "tags")), "tag '" + t
                        + "' is not of the form namespace.name", "tags look like 'attack.t1059.001' or 'attack.execution'"));
            }
        }
        for (String key : List.of("references", "falsepositives", "fields", "tags", "scope", "related")) {
            Node n = SigmaYaml.get(root, key);
            if (n != null && !SigmaYaml.isNull(n) && !SigmaYaml.isSeq(n)) {
                diags.report(warning("sigma/bad-metadata", doc.span(n), "'" + key + "' should be a list",
                        "write each entry on its own '- ' line"));
            }
        }
        for (Node rel : SigmaYaml.items(SigmaYaml.get(root, "related"))) {
            String type = SigmaYaml.text(SigmaYaml.get(rel, "type"));
            if (type != null && !RELATION.contains(type)) {
                diags.report(warning("sigma/bad-related", doc.span(rel), "unknown relation type '" + type + "'",
                        "allowed: " + String.join(", ", sorted(RELATION))));
            }
        }
        Node logsourceNode = SigmaYaml.get(root, "logsource");
        SigmaLogsource logsource = null;
        if (logsourceNode == null) {
            diags.report(error("sigma/missing-key", doc.span(root), "the rule has no 'logsource'",
                    "add 'logsource:' with product/category/service"));
            ok = false;
        } else if (!SigmaYaml.isMap(logsourceNode)) {
            diags.report(error("sigma/invalid-rule", doc.span(logsourceNode), "'logsource' must be a mapping",
                    "write 'logsource: {product: windows, category: process_creation}'"));
            ok = false;
        } else {
            logsource = new SigmaLogsource(lower(SigmaYaml.text(SigmaYaml.get(logsourceNode, "product"))),
                    lower(SigmaYaml.text(SigmaYaml.get(logsourceNode, "category"))),
                    lower(SigmaYaml.text(SigmaYaml.get(logsourceNode, "service"))));
        }
        Node detection = SigmaYaml.get(root, "detection");
        List<Node> conditions = new ArrayList<>();
        if (detection == null) {
            diags.report(error("sigma/missing-key", doc.span(root), "the rule has no 'detection'",
                    "add 'detection:' with search identifiers and a 'condition'"));
            ok = false;
        } else if (!SigmaYaml.isMap(detection)) {
            diags.report(error("sigma/invalid-rule", doc.span(detection), "'detection' must be a mapping",
                    "map search identifiers to maps or lists, and add 'condition'"));
            ok = false;
        } else {
            Node cond = SigmaYaml.get(detection, "condition");
            if (cond == null || SigmaYaml.isNull(cond)) {
                diags.report(error("sigma/missing-key", doc.span(detection), "the detection has no 'condition'",
                        "add 'condition: selection' (or the identifiers to combine)"));
                ok = false;
            } else if (SigmaYaml.isSeq(cond)) {
                conditions.addAll(SigmaYaml.items(cond));
            } else {
                conditions.add(cond);
            }
        }
        if (!ok) {
            return null;
        }
        return new SigmaRule(id, scalar(doc, root, "name", diags), title, scalar(doc, root, "description", diags),
                status, level, tags, SigmaYaml.strings(SigmaYaml.get(root, "references")),
                SigmaYaml.strings(SigmaYaml.get(root, "falsepositives")), authors(root), logsource, detection,
                conditions, doc);
    }

    private static String authors(Node root) {
        List<String> a = SigmaYaml.strings(SigmaYaml.get(root, "author"));
        return a.isEmpty() ? null : String.join(", ", a);
    }

    private static String scalar(SigmaYaml doc, Node map, String key, Diagnostics diags) {
        Node n = SigmaYaml.get(map, key);
        if (n == null || SigmaYaml.isNull(n)) {
            return null;
        }
        if (!SigmaYaml.isScalar(n)) {
            diags.report(warning("sigma/bad-metadata", doc.span(n), "'" + key + "' should be a single text value",
                    "write '" + key + ": ...' on one line"));
            return null;
        }
        return SigmaYaml.text(n);
    }

    private static String lower(String s) {
        return s == null || s.isEmpty() ? null : s.toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    static Diagnostic error(String code, SourceSpan span, String message, String hint) {
        return new Diagnostic(Severity.ERROR, code, message, span, "", hint);
    }

    static Diagnostic warning(String code, SourceSpan span, String message, String hint) {
        return new Diagnostic(Severity.WARNING, code, message, span, "", hint);
    }

    // The shapes below are checked by hand rather than with java.util.regex: they run for every rule, and
    // compiling the regex engine's code cost a one-core rule load more than the checks themselves.

    /** 8-4-4-4-12 hexadecimal digits. */
    static boolean uuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
                return false;
            }
        }
        return true;
    }

    /** {@code YYYY-MM-DD} or {@code YYYY/MM/DD} (each separator either), ASCII digits. */
    static boolean date(String s) {
        if (s.length() != 10) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = s.charAt(i);
            boolean ok = i == 4 || i == 7 ? c == '-' || c == '/' : c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** {@code namespace.name}: {@code [a-z0-9_-]+} then a dot then {@code [a-z0-9._-]+}. */
    static boolean tag(String s) {
        int dot = s.indexOf('.');
        if (dot <= 0 || dot == s.length() - 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || (c == '.' && i > dot);
            if (!ok && i != dot) {
                return false;
            }
        }
        return true;
    }
}
