package dev.vigil.dialects.spl;

import dev.vigil.core.diag.Diagnostic;
import dev.vigil.core.diag.Diagnostics;
import dev.vigil.core.diag.SourceSpan;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The macros a search may use. Built-ins cover what every ESCU search relies on but security_content does
 * not define itself ({@code drop_dm_object_name}, defined by Splunk's CIM add-on) plus defaults for the
 * few it does, so a lone ESCU file still runs; definitions loaded from a {@code macros/} directory take
 * precedence. A {@code `..._filter`} macro that no file defines is the generated no-op {@code search *}.
 * Immutable once built; shared by every compile.
 */
public final class MacroTable {

    private final Map<String, Macro> macros;

    private MacroTable(Map<String, Macro> macros) {
        this.macros = Map.copyOf(macros);
    }

    /** Only the built-ins. */
    public static MacroTable builtIn() {
        return new MacroTable(builtIns());
    }

    private static Map<String, Macro> builtIns() {
        Map<String, Macro> m = new LinkedHashMap<>();
        put(m, new Macro("drop_dm_object_name", List.of("object"), "rename $object$.* AS *", "built-in"));
        put(m, new Macro("security_content_summariesonly", List.of(),
                "summariesonly=false allow_old_summaries=true fillnull_value=null", "built-in"));
        put(m, new Macro("security_content_ctime", List.of("field"),
                "convert timeformat=\"%Y-%m-%dT%H:%M:%S\" ctime($field$)", "built-in"));
        return m;
    }

    private static void put(Map<String, Macro> m, Macro macro) {
        m.put(macro.key(), macro);
    }

    /** Built-ins plus every {@code *.yml} macro definition in {@code dir} (security_content's format). */
    public static MacroTable load(Path dir, Diagnostics diagnostics) {
        Map<String, Macro> m = builtIns();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yml")
                    || p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            diagnostics.report(Diagnostic.error("spl/macro-file", SourceSpan.of(dir.toString(), 0, 0),
                    "cannot list macro directory: " + e.getMessage()));
            return new MacroTable(m);
        }
        for (Path f : files) {
            try {
                parse(f.toString(), Files.readString(f, StandardCharsets.UTF_8), diagnostics).ifPresent(x -> put(m, x));
            } catch (IOException e) {
                diagnostics.report(Diagnostic.error("spl/macro-file", SourceSpan.of(f.toString(), 0, 0),
                        "cannot read macro file: " + e.getMessage()));
            }
        }
        return new MacroTable(m);
    }

    /** A table with extra macros on top of this one (tests, a user's own definitions). */
    public MacroTable with(Collection<Macro> extra) {
        Map<String, Macro> m = new LinkedHashMap<>(macros);
        extra.forEach(x -> put(m, x));
        return new MacroTable(m);
    }

    static Optional<Macro> parse(String file, String text, Diagnostics diagnostics) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().build()).loadFromString(text);
        } catch (RuntimeException e) {
            diagnostics.report(Diagnostic.error("spl/macro-file", SourceSpan.of(file, 1, 1),
                    "macro file is not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
            return Optional.empty();
        }
        if (!(doc instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)
                || map.get("definition") == null) {
            diagnostics.report(Diagnostic.warning("spl/macro-file", SourceSpan.of(file, 1, 1),
                    "not a macro definition (needs 'name' and 'definition')"));
            return Optional.empty();
        }
        List<String> args = new ArrayList<>();
        if (map.get("arguments") instanceof List<?> l) {
            l.forEach(a -> args.add(String.valueOf(a)));
        }
        return Optional.of(new Macro(name, args, String.valueOf(map.get("definition")), file));
    }

    /** The macro with this name and arity; an undefined {@code *_filter} macro is the no-op filter. */
    public Optional<Macro> find(String name, int arity) {
        Macro m = macros.get(Macro.key(name, arity));
        if (m == null && arity == 0 && name.endsWith("_filter")) {
            m = new Macro(name, List.of(), "search *", "generated filter");
        }
        return Optional.ofNullable(m);
    }

    /** Every defined name, for "did you mean". */
    public List<String> names() {
        return macros.values().stream().map(Macro::name).distinct().sorted().toList();
    }

    public int size() {
        return macros.size();
    }
}
