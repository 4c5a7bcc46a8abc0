package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.EventScope;
import dev.vigil.core.event.EventClass;
import dev.vigil.dialects.DataTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes a Sigma logsource to the event classes it looks at, from the data file {@code logsources.tsv}. The
 * mapping from logsource to events belongs to the tool, not the rule (specification "LogSource"); Vigil's
 * event classes already use Sigma's vocabulary, so most rows are the identity, and the file records the few
 * umbrella categories ({@code registry_event}, {@code file_delete}) and which logsources Vigil knows.
 */
public final class Logsources {

    private static final Logsources STANDARD = load("logsources.tsv");

    private final Map<SigmaLogsource, EventScope> routes;

    private Logsources(Map<SigmaLogsource, EventScope> routes) {
        this.routes = Map.copyOf(routes);
    }

    public static Logsources standard() {
        return STANDARD;
    }

    /** The scope of a known logsource. */
    public Optional<EventScope> route(SigmaLogsource ls) {
        return Optional.ofNullable(routes.get(ls));
    }

    /** The fallback for an unknown logsource: every event of the stated product (every event when none is stated). */
    public static EventScope fallback(SigmaLogsource ls) {
        return ls.product() == null ? EventScope.ANY : EventScope.of(new EventClass(ls.product(), null, null));
    }

    public Map<SigmaLogsource, EventScope> all() {
        return routes;
    }

    private static Logsources load(String resource) {
        Map<SigmaLogsource, EventScope> routes = new HashMap<>();
        for (String[] cols : DataTable.resource(Logsources.class, resource)) {
            SigmaLogsource key = new SigmaLogsource(part(cols[0]), part(cols[1]), part(cols[2]));
            List<EventClass> classes = new ArrayList<>();
            for (String c : cols[3].trim().split(" +")) {
                String[] p = c.split("/", -1);
                classes.add(new EventClass(star(p[0]), star(p[1]), star(p[2])));
            }
            routes.put(key, new EventScope(classes));
        }
        return new Logsources(routes);
    }

    private static String part(String s) {
        return s.equals("-") ? null : s;
    }

    private static String star(String s) {
        return s.equals("*") ? null : s;
    }
}
