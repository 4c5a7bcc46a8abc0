package dev.vigil.cli;

import dev.vigil.core.run.RunSummary;
import dev.vigil.dialects.catalog.Catalog;
import dev.vigil.dialects.catalog.ImplementationStatus;
import dev.vigil.dialects.catalog.LoadedAnalytic;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The summary at the end of a run: every file, every record and every analytic accounted for. Printed for
 * people on stderr, and as one JSON object for scripts.
 */
final class RunReport {

    private final RunSummary summary;
    private final Catalog catalog;
    private final Map<String, Long> detectionsByAnalytic;
    private final double seconds;

    RunReport(RunSummary summary, Catalog catalog, Map<String, Long> detectionsByAnalytic, double seconds) {
        this.summary = summary;
        this.catalog = catalog;
        this.detectionsByAnalytic = new TreeMap<>(detectionsByAnalytic);
        this.seconds = seconds;
    }

    long implementations(ImplementationStatus s) {
        return catalog.analytics().stream().flatMap(a -> a.implementations().stream()).filter(i -> i.status() == s)
                .count();
    }

    Map<String, Long> byDialect(ImplementationStatus s) {
        return catalog.analytics().stream().flatMap(a -> a.implementations().stream()).filter(i -> i.status() == s)
                .collect(Collectors.groupingBy(i -> i.implementation().dialect(), TreeMap::new, Collectors.counting()));
    }

    void print(PrintStream err) {
        long analytics = catalog.analytics().size();
        long running = catalog.analytics().stream().filter(LoadedAnalytic::runs).count();
        long warned = catalog.analytics().stream().filter(LoadedAnalytic::hasWarnings).count();
        err.println();
        err.println("Summary");
        err.printf(Locale.ROOT, "  files       %,d read, %,d skipped%s%n", summary.filesRead(),
                summary.filesSkippedTotal(), reasons(summary.filesSkipped()));
        err.printf(Locale.ROOT, "  records     %,d read: %,d evaluated, %,d skipped%s%n", summary.recordsRead(),
                summary.eventsEvaluated(), summary.recordsSkippedTotal(), reasons(summary.recordsSkipped()));
        err.printf(Locale.ROOT, "  analytics   %,d loaded (%,d runnable, %,d with warnings); implementations: %,d run, "
                        + "%,d unsupported%s, %,d invalid%n", analytics, running, warned,
                implementations(ImplementationStatus.RUNS), implementations(ImplementationStatus.UNSUPPORTED),
                reasons(byDialect(ImplementationStatus.UNSUPPORTED)), implementations(ImplementationStatus.INVALID));
        catalog.ruleCache().filter(r -> r.documents() > 0).ifPresent(r -> err.printf(Locale.ROOT,
                "  rule cache  %,d of %,d documents unchanged since they were cached (%s)%n", r.hits(), r.documents(),
                r.file()));
        err.printf(Locale.ROOT, "  detections  %,d%s%n", summary.detections(), top(detectionsByAnalytic, 8));
        err.printf(Locale.ROOT, "  time        %.2f s (%,.0f records/s)%n", seconds,
                summary.recordsRead() / Math.max(seconds, 1e-3));
    }

    // The analytics that fired most, so a hunt with thousands of rules keeps a readable summary;
    // --summary FILE has every count.
    private static String top(Map<String, Long> m, int n) {
        if (m.size() <= n) {
            return reasons(m);
        }
        Map<String, Long> most = new java.util.LinkedHashMap<>();
        m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(n).forEach(e -> most.put(e.getKey(), e.getValue()));
        String r = reasons(most);
        return r.substring(0, r.length() - 1) + String.format(Locale.ROOT, ", and %,d more analytics)", m.size() - n);
    }

    static String reasons(Map<String, Long> m) {
        if (m.isEmpty()) {
            return "";
        }
        return m.entrySet().stream().map(e -> e.getKey() + ": " + String.format(Locale.ROOT, "%,d", e.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    /** The same figures as one JSON object, for scripts ({@code --summary FILE}). */
    String json() {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"files\":{\"read\":").append(summary.filesRead()).append(",\"skipped\":")
                .append(map(summary.filesSkipped())).append("},");
        sb.append("\"records\":{\"read\":").append(summary.recordsRead()).append(",\"evaluated\":")
                .append(summary.eventsEvaluated()).append(",\"skipped\":").append(map(summary.recordsSkipped()))
                .append("},");
        sb.append("\"analytics\":{\"loaded\":").append(catalog.analytics().size()).append(",\"implementations\":{")
                .append("\"run\":").append(implementations(ImplementationStatus.RUNS))
                .append(",\"unsupported\":").append(implementations(ImplementationStatus.UNSUPPORTED))
                .append(",\"invalid\":").append(implementations(ImplementationStatus.INVALID)).append("}},");
        sb.append("\"detections\":{\"total\":").append(summary.detections()).append(",\"by_analytic\":")
                .append(map(detectionsByAnalytic)).append("},");
        sb.append("\"seconds\":").append(String.format(Locale.ROOT, "%.3f", seconds)).append('}');
        return sb.toString();
    }

    private static String map(Map<String, Long> m) {
        return m.entrySet().stream().map(e -> "\"" + escape(e.getKey()) + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

}
