package dev.vigil.core.engine;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Origin;

import java.util.List;
import java.util.Map;

/**
 * What a run reports: an analytic fired, either on one event ({@code event} set, {@code row} null) or as
 * an aggregate row ({@code row} set, {@code event} null) formed from the events listed in {@code sources}.
 * Row values are a {@code String}, a number, or a {@code List<String>} (multivalue).
 */
public record Detection(Analytic analytic, Implementation implementation, Event event, Map<String, Object> row,
                        List<Origin> sources, long timeMillis, String host) {

    public Detection {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    public static Detection of(Hit hit) {
        Event e = hit.event();
        return new Detection(hit.analytic(), hit.implementation(), e, null, List.of(e.origin()), e.timeMillis(),
                e.host());
    }

    public boolean isRow() {
        return row != null;
    }
}
