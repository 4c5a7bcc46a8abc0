package dev.vigil.formats.evtx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Thread-safe damage listener that keeps counts per kind and the first {@code keep} reports.
 */
public final class EvtxDamageCollector implements Consumer<EvtxDamage> {
    private final int keep;
    private final EnumMap<EvtxDamage.Kind, Long> counts = new EnumMap<>(EvtxDamage.Kind.class);
    private final List<EvtxDamage> kept = new ArrayList<>();
    private long total;

    /** Keeps up to 1000 reports. */
    public EvtxDamageCollector() {
        this(1000);
    }

    public EvtxDamageCollector(int keep) {
        this.keep = keep;
    }

    @Override
    public synchronized void accept(EvtxDamage damage) {
        counts.merge(damage.kind(), 1L, Long::sum);
        total++;
        if (kept.size() < keep) {
            kept.add(damage);
        }
    }

    public synchronized long total() {
        return total;
    }

    public synchronized long count(EvtxDamage.Kind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public synchronized Map<EvtxDamage.Kind, Long> counts() {
        return Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    public synchronized List<EvtxDamage> reports() {
        return List.copyOf(kept);
    }
}
