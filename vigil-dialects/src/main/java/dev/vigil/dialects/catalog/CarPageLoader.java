package dev.vigil.dialects.catalog;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.AttackRef;
import dev.vigil.core.analytic.D3fendRef;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.analytic.Risk;
import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.SourceSpan;
import dev.vigil.dialects.AnalyticLoader;
import dev.vigil.dialects.AttackTactics;
import dev.vigil.dialects.DialectNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CAR analytic page as car.mitre.org publishes it: YAML front matter ({@code layout: analytic}), the
 * description, then {@code ###} sections — ATT&amp;CK Detections, D3FEND Techniques, Data Model References
 * (pipe tables) and Implementations ({@code #### name (Type, data model)} headings, each followed by its
 * description and one fenced code block).
 */
public final class CarPageLoader implements AnalyticLoader {

    private static final Pattern CAR_ID = Pattern.compile("(CAR-\\d{4}-\\d{2}-\\d{3})\\s*:?\\s*(.*)");
    private static final Pattern IMPL_HEADING = Pattern.compile("^####\\s+(.+?)\\s*\\(([^(),]+),\\s*([^()]+)\\)\\s*$");

    @Override
    public String kind() {
        return "car-page";
    }

    @Override
    public boolean accepts(String fileName, String text) {
        return text.startsWith("---") && text.contains("layout: analytic") && text.contains("### ");
    }

    @Override
    public List<Analytic> load(String file, String text, Diagnostics diagnostics) {
        List<String> lines = Arrays.asList(text.split("\r?\n", -1));
        Optional<FrontMatter> front = FrontMatter.read(file, lines, "car/bad-page", diagnostics);
        if (front.isEmpty()) {
            return List.of();
        }
        int end = front.get().end();
        String title = front.get().yaml().text("title");
        Matcher idm = CAR_ID.matcher(title == null ? "" : title);
        if (!idm.matches()) {
            diagnostics.report(Diagnostic.error("car/bad-page", new SourceSpan(file, 2, 1),
                    "the title '" + title + "' does not start with a CAR id (CAR-YYYY-MM-NNN)")
                    .withHint("CAR pages are titled \"CAR-2020-11-007: Network Share Connection Removal\""));
            return List.of();
        }
        List<String> body = lines.subList(end + 1, lines.size());
        List<Implementation> impls = implementations(file, lines, end + 1);
        if (impls.isEmpty()) {
            diagnostics.report(Diagnostic.warning("car/no-implementation", new SourceSpan(file, 1, 1),
                    "the page has no implementation (no '#### name (Type, data model)' heading with a code block)"));
        }
        return List.of(new Analytic(idm.group(1), idm.group(2).trim(), description(body), attack(body), d3fend(body),
                dataModel(body), Risk.UNKNOWN, List.of(), List.of(), impls, file));
    }

    private static String description(List<String> body) {
        StringBuilder sb = new StringBuilder();
        for (String l : body) {
            if (l.startsWith("#")) {
                break;
            }
            String t = l.replace("<br>", "").trim();
            if (!t.isEmpty()) {
                sb.append(sb.length() > 0 ? " " : "").append(t);
            }
        }
        return sb.toString();
    }

    private static List<AttackRef> attack(List<String> body) {
        List<AttackRef> out = new ArrayList<>();
        for (List<String> row : MarkdownTable.rowsAfter(body, "### ATT&CK Detections")) {
            if (row.size() < 3) {
                continue;
            }
            List<String> techniques = new ArrayList<>();
            for (String url : MarkdownTable.targets(row.get(1))) {
                AttackIds.technique(url).ifPresent(techniques::add);
            }
            if (techniques.isEmpty()) {
                MarkdownTable.targets(row.get(0)).forEach(u -> AttackIds.technique(u).ifPresent(techniques::add));
            }
            List<String> tactics = new ArrayList<>();
            MarkdownTable.targets(row.get(2)).forEach(u -> AttackIds.tactic(u).map(AttackTactics::shortName)
                    .ifPresent(tactics::add));
            String coverage = row.size() > 3 && !row.get(3).isBlank() ? row.get(3) : null;
            for (String t : techniques) {
                if (tactics.isEmpty()) {
                    out.add(new AttackRef(t, null, coverage));
                }
                for (String tactic : tactics) {
                    out.add(new AttackRef(t, tactic, coverage));
                }
            }
        }
        return out;
    }

    private static List<D3fendRef> d3fend(List<String> body) {
        List<D3fendRef> out = new ArrayList<>();
        for (List<String> row : MarkdownTable.rowsAfter(body, "### D3FEND Techniques")) {
            if (row.size() >= 2 && !row.get(0).isBlank()) {
                List<String> urls = MarkdownTable.targets(row.get(1));
                String iri = urls.isEmpty() ? null : urls.get(0).replaceFirst(".*/technique/", "");
                out.add(new D3fendRef(row.get(0), MarkdownTable.texts(row.get(1)).get(0), iri));
            }
        }
        return out;
    }

    private static List<String> dataModel(List<String> body) {
        List<String> out = new ArrayList<>();
        for (List<String> row : MarkdownTable.rowsAfter(body, "### Data Model References")) {
            if (row.size() >= 3) {
                out.add(String.join("/", MarkdownTable.texts(row.get(0)).get(0), MarkdownTable.texts(row.get(1)).get(0),
                        MarkdownTable.texts(row.get(2)).get(0)));
            }
        }
        return out;
    }

    private static List<Implementation> implementations(String file, List<String> lines, int from) {
        List<Implementation> out = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            Matcher m = IMPL_HEADING.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            StringBuilder desc = new StringBuilder();
            int j = i + 1;
            while (j < lines.size() && !lines.get(j).trim().startsWith("```") && !lines.get(j).startsWith("#")) {
                if (!lines.get(j).isBlank()) {
                    desc.append(desc.length() > 0 ? " " : "").append(lines.get(j).trim());
                }
                j++;
            }
            if (j >= lines.size() || !lines.get(j).trim().startsWith("```")) {
                continue;
            }
            int codeStart = j + 1;
            int k = codeStart;
            while (k < lines.size() && !lines.get(k).trim().startsWith("```")) {
                k++;
            }
            String code = String.join("\n", lines.subList(codeStart, Math.min(k, lines.size()))).strip();
            int firstCodeLine = codeStart;
            while (firstCodeLine < k && lines.get(firstCodeLine).isBlank()) {
                firstCodeLine++;
            }
            int indent = firstCodeLine < lines.size() ? leading(lines.get(firstCodeLine)) : 0;
            out.add(new Implementation(m.group(1), DialectNames.keyFor(m.group(2)), desc.toString(), m.group(3).trim(),
                    code, new QuerySource(file, firstCodeLine + 1, indent + 1, 0)));
            i = k;
        }
        return out;
    }

    private static int leading(String l) {
        int n = 0;
        while (n < l.length() && l.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
