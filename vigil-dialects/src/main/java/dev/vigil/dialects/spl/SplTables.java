package dev.vigil.dialects.spl;

import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.event.EventClass;
import dev.vigil.core.ir.Glob;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The SPL alias tables, kept as data files beside this class: CIM data models and their dataset fields
 * ({@code datamodels.tsv}, {@code cim-fields.tsv}), the add-on field names of raw Windows searches
 * ({@code event-fields.tsv}) and what {@code index}/{@code source}/{@code sourcetype}/{@code eventtype}
 * values bind a search to ({@code source-bindings.tsv}). Loaded once.
 */
final class SplTables {

    /** A data model dataset: its field prefix, the event classes it covers, and its fields. */
    record DataModel(String name, String prefix, EventScope scope, Map<String, String> fields) {
    }

    record Binding(String kind, String pattern, EventScope scope) {
    }

    static final SplTables INSTANCE = new SplTables();

    private final Map<String, DataModel> dataModels = new LinkedHashMap<>();
    private final Map<String, String> eventFields = new LinkedHashMap<>();
    private final List<Binding> bindings = new ArrayList<>();

    private SplTables() {
        Map<String, Map<String, String>> fieldsByPrefix = new LinkedHashMap<>();
        for (String[] r : rows("cim-fields.tsv")) {
            fieldsByPrefix.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], r[2]);
        }
        for (String[] r : rows("datamodels.tsv")) {
            dataModels.put(r[0].toLowerCase(Locale.ROOT), new DataModel(r[0], r[1], scope(r[2]),
                    Map.copyOf(fieldsByPrefix.getOrDefault(r[1], Map.of()))));
        }
        for (String[] r : rows("event-fields.tsv")) {
            eventFields.put(r[0], r[1]);
        }
        for (String[] r : rows("source-bindings.tsv")) {
            bindings.add(new Binding(r[0], r[1], scope(r[2])));
        }
    }

    private static EventScope scope(String spec) {
        List<EventClass> classes = new ArrayList<>();
        for (String s : spec.trim().split("\\s+")) {
            String[] p = s.split("/", -1);
            classes.add(new EventClass(star(p[0]), star(p[1]), star(p[2])));
        }
        return new EventScope(classes);
    }

    private static String star(String s) {
        return s.equals("*") ? null : s;
    }

    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = SplTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(line.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    Optional<DataModel> dataModel(String name) {
        return Optional.ofNullable(dataModels.get(name.toLowerCase(Locale.ROOT)));
    }

    List<String> dataModelNames() {
        return dataModels.values().stream().map(DataModel::name).toList();
    }

    /** The canonical field for a raw-search name (the name itself when it has no alias). */
    String eventField(String name) {
        return eventFields.getOrDefault(name, name);
    }

    static boolean isBindingKind(String field) {
        return field.equals("index") || field.equals("source") || field.equals("sourcetype")
                || field.equals("eventtype");
    }

    /** What a binding term restricts the search to; {@link EventScope#ANY} when the value names no known source. */
    EventScope bind(String kind, String value) {
        String v = value.toLowerCase(Locale.ROOT).trim();
        for (Binding b : bindings) {
            if (b.kind().equals(kind) && Glob.parse(globOf(b.pattern().toLowerCase(Locale.ROOT))).matches(v)) {
                return b.scope();
            }
        }
        return EventScope.ANY;
    }

    /** Table patterns use {@code *} only; everything else is literal. */
    private static String globOf(String pattern) {
        StringBuilder sb = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '?' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
