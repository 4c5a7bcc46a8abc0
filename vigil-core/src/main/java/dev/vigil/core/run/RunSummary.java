package dev.vigil.core.run;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The accounting of one run: every file and every record ends up in exactly one count, so a user can see
 * that nothing was dropped silently. Thread-safe.
 */
public final class RunSummary {

    private final LongAdder filesRead = new LongAdder();
    private final Map<String, LongAdder> filesSkipped = new ConcurrentHashMap<>();
    private final LongAdder recordsRead = new LongAdder();
    private final Map<String, LongAdder> recordsSkipped = new ConcurrentHashMap<>();
    private final LongAdder eventsEvaluated = new LongAdder();
    private final LongAdder detections = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();

    public void fileRead() {
        filesRead.increment();
    }

    public void fileSkipped(String reason) {
        filesSkipped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public void recordRead() {
        recordsRead.increment();
    }

    public void recordSkipped(String reason) {
        recordsSkipped.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    public void eventEvaluated() {
        eventsEvaluated.increment();
    }

    public void detection() {
        detections.increment();
    }

    public void bytes(long n) {
        bytesRead.add(n);
    }

    public long filesRead() {
        return filesRead.sum();
    }

    public long recordsRead() {
        return recordsRead.sum();
    }

    public long eventsEvaluated() {
        return eventsEvaluated.sum();
    }

    public long detections() {
        return detections.sum();
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    public long recordsSkippedTotal() {
        return recordsSkipped.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long filesSkippedTotal() {
        return filesSkipped.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Skipped records by reason, sorted by reason. */
    public Map<String, Long> recordsSkipped() {
        return snapshot(recordsSkipped);
    }

    /** Skipped files by reason, sorted by reason. */
    public Map<String, Long> filesSkipped() {
        return snapshot(filesSkipped);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
