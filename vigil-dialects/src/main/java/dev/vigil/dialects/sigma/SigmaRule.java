package dev.vigil.dialects.sigma;

import org.snakeyaml.engine.v2.nodes.Node;

import java.util.List;

/**
 * A Sigma rule document as read, before compilation: its metadata, logsource and the detection nodes
 * (kept as YAML nodes so compilation can point at the author's text).
 *
 * @param conditions the condition scalar(s); a list of conditions is OR-linked
 */
public record SigmaRule(String id, String name, String title, String description, String status, String level,
                        List<String> tags, List<String> references, List<String> falsePositives, String author,
                        SigmaLogsource logsource, Node detection, List<Node> conditions, SigmaYaml document) {

    public SigmaRule {
        tags = List.copyOf(tags);
        references = List.copyOf(references);
        falsePositives = List.copyOf(falsePositives);
        conditions = List.copyOf(conditions);
    }
}
