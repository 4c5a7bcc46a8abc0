package dev.vigil.core.analytic;

import dev.vigil.core.event.EventClass;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The event classes a query looks at. An event is in scope when its class matches any selector; a
 * selector's null parts match anything (Sigma's logsource semantics).
 */
public record EventScope(List<EventClass> selectors) {

    /** Every event. */
    public static final EventScope ANY = new EventScope(List.of(EventClass.UNKNOWN));

    public EventScope {
        selectors = List.copyOf(selectors);
    }

    public static EventScope of(EventClass... selectors) {
        return new EventScope(List.of(selectors));
    }

    public boolean contains(EventClass c) {
        for (EventClass s : selectors) {
            if (part(s.product(), c.product()) && part(s.category(), c.category()) && part(s.service(), c.service())) {
                return true;
            }
        }
        return false;
    }

    private static boolean part(String want, String have) {
        return want == null || Objects.equals(want, have);
    }

    @Override
    public String toString() {
        return selectors.stream().map(EventClass::toString).collect(Collectors.joining(" | "));
    }
}
