package dev.vigil.core.correlate;

import dev.vigil.core.engine.Detection;
import dev.vigil.core.event.Event;
import dev.vigil.core.event.Field;
import dev.vigil.core.event.Origin;
import dev.vigil.core.stage.Row;
import dev.vigil.core.stage.StageState;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every correlation of a run, with the index from a referenced analytic to the correlations that count it.
 * Immutable and engine-neutral: the command line ({@link CorrelationRunner}) and a stream runtime share it;
 * each keeps the windows in its own {@link StageState} under {@link CorrelationKey}s.
 */
public final class CorrelationSet {

    /** A window's key with the observation to offer it. */
    public record Keyed(CorrelationKey key, Observation observation) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private record Reference(int correlation, int rule) {
    }

    private final List<Correlation> correlations;
    private final Map<String, List<Reference>> byAnalytic = new HashMap<>();
    private final Set<String> silenced = new HashSet<>();

    public CorrelationSet(List<Correlation> correlations) {
        this.correlations = List.copyOf(correlations);
        Set<String> generated = new HashSet<>();
        for (int i = 0; i < this.correlations.size(); i++) {
            Correlation c = this.correlations.get(i);
            for (int r = 0; r < c.rules().size(); r++) {
                byAnalytic.computeIfAbsent(c.rules().get(r), k -> new ArrayList<>()).add(new Reference(i, r));
            }
            (c.generate() ? generated : silenced).addAll(c.rules());
        }
        // A rule is quiet only when no correlation that uses it asks for its own detections (Sigma 'generate').
        silenced.removeAll(generated);
    }

    public static CorrelationSet empty() {
        return new CorrelationSet(List.of());
    }

    public List<Correlation> correlations() {
        return correlations;
    }

    public Correlation get(int index) {
        return correlations.get(index);
    }

    public boolean isEmpty() {
        return correlations.isEmpty();
    }

    /** True when some correlation counts this analytic's detections. */
    public boolean counts(String analyticId) {
        return byAnalytic.containsKey(analyticId);
    }

    /** False when the analytic's own detections are only input to correlations ({@code generate: false}). */
    public boolean reportsOwn(String analyticId) {
        return !silenced.contains(analyticId);
    }

    /** The windows an event of {@code analyticId} goes to. */
    public List<Keyed> observe(String analyticId, Event event) {
        return observe(analyticId, name -> event.text(Field.of(name)), event.timeMillis(),
                event.origin() == null ? List.of() : List.of(event.origin()), event.host());
    }

    /** The windows a fired correlation goes to, when another correlation chains on it. */
    public List<Keyed> observe(Detection fired) {
        Map<String, Object> row = fired.row();
        return observe(fired.analytic().id(), name -> {
            Object v = row.get(name);
            if (v instanceof List<?> l) {
                return l.isEmpty() ? null : String.valueOf(l.get(0));
            }
            return v == null ? null : Row.text(v);
        }, fired.timeMillis(), fired.sources(), fired.host());
    }

    private List<Keyed> observe(String analyticId, Function<String, String> field, long time, List<Origin> sources,
                                String host) {
        List<Reference> refs = byAnalytic.get(analyticId);
        if (refs == null) {
            return List.of();
        }
        List<Keyed> out = new ArrayList<>(refs.size());
        for (Reference ref : refs) {
            Correlation c = correlations.get(ref.correlation());
            List<String> group = c.groupKey(ref.rule(), field);
            if (group == null) {
                continue;
            }
            Observation o = c.observe(ref.rule(), field, time, sources, host);
            if (o != null) {
                out.add(new Keyed(new CorrelationKey(ref.correlation(), group), o));
            }
        }
        return out;
    }

    /** Offers an observation to its window kept in {@code state}; returns the detection it fires, or null. */
    public Detection offer(StageState state, Keyed k) {
        CorrelationWindow w = state.computeIfAbsent(k.key(), CorrelationWindow::new);
        return w.offer(correlations.get(k.key().correlation()), k.key().group(), k.observation());
    }
}
