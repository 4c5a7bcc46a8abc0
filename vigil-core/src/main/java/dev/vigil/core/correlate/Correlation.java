package dev.vigil.core.correlate;

import dev.vigil.core.analytic.Analytic;
import dev.vigil.core.analytic.Implementation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A correlation over the detections of other analytics (Sigma correlation rules), with references resolved:
 * {@code rules} are analytic ids — base rules, or other correlations for a chain.
 *
 * @param groupBy   the group columns; an event lacking one is in no group (as a {@code stats ... by} drops it)
 * @param aliases   group column to (rule id to the field that rule's events carry it in)
 * @param valueField the field whose distinct values {@code value_count} counts, else null
 * @param generate  whether the referenced rules still report their own detections
 */
public record Correlation(Analytic analytic, CorrelationType type, List<String> rules, List<String> groupBy,
                          Map<String, Map<String, String>> aliases, long timespanMillis, CountCondition condition,
                          String valueField, boolean generate) {

    public Correlation {
        rules = List.copyOf(rules);
        groupBy = List.copyOf(groupBy);
        aliases = Map.copyOf(aliases);
    }

    public Implementation implementation() {
        return analytic.implementations().get(0);
    }

    /** Which of this correlation's rules an analytic is, or -1. */
    public int ruleIndex(String analyticId) {
        return rules.indexOf(analyticId);
    }

    /**
     * The group an event of rule {@code rule} belongs to, read through {@code field} (field name to its first
     * value as text), or null when a group column is absent.
     */
    public List<String> groupKey(int rule, Function<String, String> field) {
        List<String> key = new ArrayList<>(groupBy.size());
        for (String column : groupBy) {
            Map<String, String> byRule = aliases.get(column);
            String source = byRule == null ? column : byRule.getOrDefault(rules.get(rule), column);
            String v = field.apply(source);
            if (v == null) {
                return null;
            }
            key.add(v);
        }
        return List.copyOf(key);
    }

    /** The observation of one matching event, or null when the window would not count it. */
    public Observation observe(int rule, Function<String, String> field, long timeMillis,
                               List<dev.vigil.core.event.Origin> sources, String host) {
        String value = null;
        if (type == CorrelationType.VALUE_COUNT) {
            value = field.apply(valueField);
            if (value == null) {
                return null;
            }
        }
        return new Observation(timeMillis, rule, value, sources, host);
    }
}
