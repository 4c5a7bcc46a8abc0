package dev.vigil.core.stage;

import dev.vigil.core.event.Origin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Groups rows and computes statistics per group: SPL {@code stats} and {@code tstats}, and the row-count
 * side of a correlation. Output rows carry the group columns first, then each statistic, and come out
 * sorted by the group values (as Splunk sorts {@code stats ... by}). A row whose group column is absent
 * is dropped, unless {@code fillNull} names a value to use instead ({@code tstats fillnull_value=null});
 * a multivalue group column puts the row in one group per value.
 *
 * @param keys     the group columns: read from {@code source}, written as {@code output}
 * @param fillNull the stand-in for an absent group column, or null to drop such rows
 */
public record Aggregate(List<Statistic> statistics, List<Key> keys, String fillNull) implements Stage {

    /** The most source events a row remembers, so memory stays bounded on a huge group. */
    public static final int MAX_SOURCES = 1000;

    /** One statistic: {@code fn(source) AS output}; {@code source} is null for a bare {@code count}. */
    public record Statistic(AggregateFunction function, String source, String output) {
    }

    public record Key(String source, String output) {
    }

    public Aggregate {
        statistics = List.copyOf(statistics);
        keys = List.copyOf(keys);
    }

    /** The columns this stage emits, in order. */
    public List<String> outputs() {
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(k.output()));
        statistics.forEach(s -> out.add(s.output()));
        return out;
    }

    @Override
    public String describe() {
        String stats = statistics.stream()
                .map(s -> s.function().name().toLowerCase(java.util.Locale.ROOT)
                        + (s.source() == null ? "" : "(" + s.source() + ")") + " AS " + s.output())
                .collect(Collectors.joining(" "));
        return "aggregate " + stats + (keys.isEmpty() ? "" : " BY "
                + keys.stream().map(k -> k.source() + " AS " + k.output()).collect(Collectors.joining(" ")));
    }

    // Serializable so a stream runtime can keep a group in its keyed state.
    private static final class Group implements java.io.Serializable {
        final List<String> key;
        final List<AggregateFunction.Accumulator> accumulators = new ArrayList<>();
        final Set<Origin> sources = new LinkedHashSet<>();
        long timeMillis = Long.MIN_VALUE;
        String host;

        Group(List<String> key, List<Statistic> statistics) {
            this.key = key;
            for (Statistic s : statistics) {
                accumulators.add(s.function() == AggregateFunction.COUNT && s.source() == null
                        ? AggregateFunction.rowCount() : s.function().newAccumulator());
            }
        }
    }

    @Override
    public void accept(Row row, StageState state, Consumer<Row> out) {
        List<List<String>> keyValues = new ArrayList<>();
        for (Key k : keys) {
            List<String> v = row.texts(k.source());
            if (v.isEmpty()) {
                if (fillNull == null) {
                    return;
                }
                v = List.of(fillNull);
            }
            keyValues.add(v);
        }
        for (List<String> key : product(keyValues)) {
            Group g = state.computeIfAbsent(key, () -> new Group(key, statistics));
            for (int i = 0; i < statistics.size(); i++) {
                Statistic s = statistics.get(i);
                g.accumulators.get(i).add(s.source() == null ? List.of() : row.texts(s.source()));
            }
            for (Origin o : row.sources()) {
                if (g.sources.size() < MAX_SOURCES) {
                    g.sources.add(o);
                }
            }
            if (row.timeMillis() > g.timeMillis) {
                g.timeMillis = row.timeMillis();
            }
            if (g.host == null) {
                g.host = row.host();
            }
        }
    }

    private static List<List<String>> product(List<List<String>> lists) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (List<String> options : lists) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String o : options) {
                    List<String> k = new ArrayList<>(prefix);
                    k.add(o);
                    next.add(List.copyOf(k));
                }
            }
            out = next;
        }
        return out;
    }

    private static final Comparator<List<String>> BY_KEY = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    @Override
    public void finish(StageState state, Consumer<Row> out) {
        List<Group> groups = new ArrayList<>();
        for (Object k : state.keys()) {
            groups.add(state.get(k));
        }
        groups.sort(Comparator.comparing(g -> g.key, BY_KEY));
        for (Group g : groups) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                values.put(keys.get(i).output(), g.key.get(i));
            }
            for (int i = 0; i < statistics.size(); i++) {
                Object r = g.accumulators.get(i).result();
                if (r != null) {
                    values.put(statistics.get(i).output(), r);
                }
            }
            out.accept(new Row(values, List.copyOf(g.sources), g.timeMillis, g.host));
        }
    }
}
