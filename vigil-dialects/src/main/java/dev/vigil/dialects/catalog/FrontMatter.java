package dev.vigil.dialects.catalog;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.dialects.YamlDocument;

import java.util.List;
import java.util.Optional;

/**
 * The YAML front matter of a Markdown analytic page (CAR, ESCU): the lines between the opening {@code ---}
 * and the next {@code ---}, read with positions kept.
 *
 * @param end the 0-based index of the closing {@code ---} line; the page body starts after it
 */
public record FrontMatter(int end, YamlDocument yaml) {

    /** The page's front matter, or empty with a diagnostic under {@code code} when it is missing or not YAML. */
    public static Optional<FrontMatter> read(String file, List<String> lines, String code, Diagnostics diagnostics) {
        int end = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("---")) {
                end = i;
                break;
            }
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals("---") || end < 0) {
            diagnostics.report(Diagnostic.error(code, new SourceSpan(file, 1, 1),
                    "the page's front matter must open and close with a '---' line"));
            return Optional.empty();
        }
        try {
            // The opening line is kept blank so that YAML positions are the page's line numbers.
            String yaml = "\n" + String.join("\n", lines.subList(1, end));
            return Optional.of(new FrontMatter(end, YamlDocument.parse(file, yaml, code)));
        } catch (YamlDocument.YamlSyntaxException e) {
            diagnostics.report(e.diagnostic());
            return Optional.empty();
        }
    }
}
