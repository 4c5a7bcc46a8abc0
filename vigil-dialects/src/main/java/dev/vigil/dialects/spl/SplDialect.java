package dev.vigil.dialects.spl;

import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.analytic.Query;
import dev.vigil.core.analytic.QuerySource;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.dialects.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splunk SPL, the detection-relevant subset: a search (or a leading {@code | tstats}) and the commands in
 * {@link SplCommands}, with macros expanded first. Grammar of a pipeline:
 * <pre>
 * pipeline := [ "|" ] command ( "|" command )*       the first command is search unless written with "|"
 * command  := name arguments                           split on "|" outside quotes, parentheses, brackets
 * </pre>
 * Macros come from the table for the implementation's file ({@link MacroTables#forFile}: the
 * security_content {@code macros/} directory beside the detections, when there is one) or the table given
 * to the constructor. The result is one {@link Query}: its event scope (from the data model or the
 * index/source bindings), its event filter, and its row stages.
 */
public final class SplDialect implements Dialect {

    public static final String KEY = "spl";

    private final MacroTable macros;

    /** Macros are found per implementation file (see {@link MacroTables#forFile}). */
    public SplDialect() {
        this(null);
    }

    public SplDialect(MacroTable macros) {
        this.macros = macros;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<Query> compile(Implementation implementation, Diagnostics diagnostics) {
        return compileOne(implementation, diagnostics).map(List::of).orElse(List.of());
    }

    /** The query, or empty when the implementation cannot run (the reason is in {@code diagnostics}). */
    public Optional<Query> compileOne(Implementation implementation, Diagnostics diagnostics) {
        String text = implementation.query() == null ? "" : implementation.query();
        QuerySource source = implementation.source();
        MacroTable table = macros != null ? macros
                : MacroTables.forFile(source == null ? null : source.file());
        SplContext[] holder = new SplContext[1];
        List<int[]> macroProblems = new ArrayList<>();
        List<String> macroMessages = new ArrayList<>();
        MacroExpander expander = new MacroExpander(table, (offset, message) -> {
            macroProblems.add(new int[] {offset});
            macroMessages.add(message);
        });
        ExpandedText expanded = expander.expand(text);
        SplContext ctx = new SplContext(text, expanded, source, diagnostics);
        holder[0] = ctx;
        for (int i = 0; i < macroProblems.size(); i++) {
            int at = macroProblems.get(i)[0];
            diagnostics.report(new dev.vigil.core.diag.Diagnostic(dev.vigil.core.diag.Severity.ERROR,
                    "spl/unknown-macro", macroMessages.get(i), ctx.spanOfAuthorOffset(at), "",
                    "macros come from the macros/ directory beside the detections; built-in: drop_dm_object_name, "
                            + "security_content_summariesonly, security_content_ctime, *_filter"));
            ctx.fail();
        }
        if (ctx.failed()) {
            return Optional.empty();
        }
        SplPipeline pipeline = new SplPipeline(ctx);
        List<int[]> commands = split(expanded.text());
        boolean leadingPipe = expanded.text().strip().startsWith("|");
        for (int c = 0; c < commands.size() && !ctx.failed(); c++) {
            int start = commands.get(c)[0];
            int end = commands.get(c)[1];
            String segment = expanded.text().substring(start, end);
            if (c == 0 && leadingPipe && segment.isBlank()) {
                continue;
            }
            String trimmed = segment.stripLeading();
            int offset = start + (segment.length() - trimmed.length());
            boolean implicitSearch = c == 0 && !leadingPipe;
            if (implicitSearch) {
                SplCommands.find("search").get().apply("search", trimmed, offset, pipeline);
                continue;
            }
            int nameEnd = 0;
            while (nameEnd < trimmed.length() && !Character.isWhitespace(trimmed.charAt(nameEnd))
                    && trimmed.charAt(nameEnd) != '(' && trimmed.charAt(nameEnd) != '[') {
                nameEnd++;
            }
            String name = trimmed.substring(0, nameEnd);
            if (name.isEmpty()) {
                if (trimmed.isBlank()) {
                    ctx.error("spl/syntax", offset, "empty command between '|'", "remove the extra '|'");
                } else {
                    ctx.error("spl/syntax", offset, "expected a command name, found '" + ctx.quote(offset, offset + 20)
                            + "'", "");
                }
                break;
            }
            Optional<SplCommand> command = SplCommands.find(name);
            if (command.isEmpty()) {
                ctx.error("spl/unsupported-command", offset, "command '" + name.toLowerCase(Locale.ROOT)
                        + "' is not supported", "supported commands: " + String.join(", ", SplCommands.BY_NAME.keySet()));
                break;
            }
            command.get().apply(name, trimmed.substring(nameEnd), offset + nameEnd, pipeline);
        }
        if (ctx.failed()) {
            return Optional.empty();
        }
        return Optional.of(new Query(implementation.name(), pipeline.eventScope(), pipeline.filter(),
                pipeline.stages));
    }

    /** Command ranges: split on {@code |} outside double quotes, parentheses and brackets. */
    static List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']')) {
                depth = Math.max(0, depth - 1);
            } else if (!quoted && depth == 0 && c == '|') {
                out.add(new int[] {start, i});
                start = i + 1;
            }
        }
        out.add(new int[] {start, text.length()});
        return out;
    }
}
