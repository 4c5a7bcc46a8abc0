package dev.vigil.dialects.escu;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.dialects.AnalyticLoader;
import dev.vigil.dialects.AttackTactics;
import dev.vigil.dialects.catalog.FrontMatter;
import dev.vigil.dialects.spl.SplDialect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ESCU detection page as research.splunk.com publishes it: Markdown with YAML front matter
 * ({@code title}), {@code #### Description}, {@code - **ID**: uuid}, an {@code #### ATT&CK} table,
 * {@code #### Search} with the SPL in a fenced block, {@code #### Required field} list,
 * {@code #### Known False Positives}, an {@code #### RBA} table (Risk Score | Impact | Confidence) and
 * {@code #### Reference} links. The analytic id is the page's own {@code ID} as written.
 */
public final class EscuPageLoader implements AnalyticLoader {

    private static final Pattern ID = Pattern.compile("^- \\*\\*ID\\*\\*:\\s*(\\S+)\\s*$");
    private static final Pattern TECHNIQUE = Pattern.compile("^\\|\\s*\\[(T\\d{4}(?:\\.\\d{3})?)\\]");
    private static final Pattern LINK = Pattern.compile("^\\* \\[(https?://[^\\]]+)\\]");

    @Override
    public String kind() {
        return "escu-page";
    }

    @Override
    public boolean accepts(String fileName, String text) {
        return text.startsWith("---") && text.contains("- **ID**:") && text.contains("#### Search");
    }

    @Override
    public List<Analytic> load(String file, String text, Diagnostics diagnostics) {
        List<String> lines = Arrays.asList(text.split("\r?\n", -1));
        Optional<FrontMatter> front = FrontMatter.read(file, lines, "escu/bad-page", diagnostics);
        if (front.isEmpty()) {
            return List.of();
        }
        String title = front.get().yaml().text("title");
        String id = null;
        for (String l : lines) {
            Matcher m = ID.matcher(l);
            if (m.matches()) {
                id = m.group(1);
                break;
            }
        }
        if (id == null) {
            diagnostics.report(Diagnostic.error("escu/bad-page", new SourceSpan(file, 1, 1),
                    "an ESCU page needs a '- **ID**:' line"));
            return List.of();
        }
        List<AttackRef> attack = new ArrayList<>();
        for (String l : section(lines, "ATT&CK")) {
            Matcher m = TECHNIQUE.matcher(l);
            if (m.find()) {
                String[] cells = l.split("\\|");
                String tactic = cells.length > 3 ? cells[3].trim() : null;
                attack.add(new AttackRef(m.group(1), tactic == null || tactic.isEmpty() ? null
                        : AttackTactics.shortName(tactic), null));
            }
        }
        Implementation impl = search(file, lines, title);
        if (impl == null) {
            diagnostics.report(Diagnostic.error("escu/bad-page", new SourceSpan(file, 1, 1),
                    "the page has no '#### Search' section with a fenced code block"));
            return List.of();
        }
        List<String> required = new ArrayList<>();
        for (String l : section(lines, "Required field")) {
            if (l.startsWith("* ")) {
                required.add(l.substring(2).trim());
            }
        }
        String fp = String.join("\n", section(lines, "Known False Positives")).strip();
        List<String> refs = new ArrayList<>();
        for (String l : section(lines, "Reference")) {
            Matcher m = LINK.matcher(l);
            if (m.find()) {
                refs.add(m.group(1));
            }
        }
        String description = String.join("\n", section(lines, "Description")).split("\n- \\*\\*")[0].strip();
        return List.of(new Analytic(id, title, description, attack, List.of(), required, risk(lines),
                fp.isEmpty() ? List.of() : List.of(fp), refs, List.of(impl), file));
    }

    /** The lines under {@code #### name} up to the next heading. */
    private static List<String> section(List<String> lines, String name) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (l.startsWith("#### ")) {
                in = l.substring(5).trim().equalsIgnoreCase(name);
                continue;
            }
            if (in) {
                out.add(l);
            }
        }
        return out;
    }

    private static Implementation search(String file, List<String> lines, String title) {
        boolean inSection = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#### ")) {
                inSection = l.substring(5).trim().equalsIgnoreCase("Search");
                continue;
            }
            if (inSection && l.startsWith("```")) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("```")) {
                    end++;
                }
                String code = String.join("\n", lines.subList(i + 1, Math.min(end, lines.size())));
                return new Implementation(title, SplDialect.KEY, "ESCU search", "CIM", code,
                        new QuerySource(file, i + 2, 1, 0));
            }
        }
        return null;
    }

    private static Risk risk(List<String> lines) {
        for (String l : section(lines, "RBA")) {
            String[] cells = l.split("\\|");
            if (cells.length >= 4 && EscuYamlLoader.number(cells[1]) != null) {
                return new Risk(EscuYamlLoader.integer(cells[2]), EscuYamlLoader.integer(cells[3]),
                        EscuYamlLoader.number(cells[1]), null);
            }
        }
        return Risk.UNKNOWN;
    }
}
