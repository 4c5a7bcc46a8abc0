package dev.vigil.core.analytic;

import dev.vigil.core.diag.SourceSpan;

import java.util.List;
import java.util.Map;

/**
 * One offline test of an analytic: events, whether the behaviour they show is one the analytic is meant
 * to catch ({@code truth}), and what each implementation is expected to do with them. An implementation's
 * expectation defaults to the truth; recording a different expectation documents a known miss or false
 * positive of that implementation, which the quality report then counts as such.
 *
 * @param analyticId   the analytic the test belongs to
 * @param source       the event source this run of the test renders its events for ({@code sysmon},
 *                     {@code security}, {@code ecs}), or null when the events are given as they are
 * @param expectations per implementation (by implementation name or dialect key, optionally suffixed
 *                     {@code @source}), the expected outcome
 * @param rows         for aggregating implementations, rows that must be among the results (column subsets)
 */
public record TestCase(String analyticId, String name, String source, String reason, Outcome truth,
                       Map<String, Outcome> expectations,
                       List<TestInput> inputs, List<Map<String, String>> rows, SourceSpan span) {

    /** What an implementation does with a test's events. */
    public enum Outcome {
        MATCH("match"), NO_MATCH("no-match");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Outcome of(boolean matched) {
            return matched ? MATCH : NO_MATCH;
        }
    }

    public TestCase {
        expectations = Map.copyOf(expectations);
        inputs = List.copyOf(inputs);
        rows = List.copyOf(rows);
    }

    /** What {@code impl} is expected to do: the most specific expectation recorded, else the truth. */
    public Outcome expected(Implementation impl) {
        for (String key : new String[] {impl.name() + "@" + source, impl.dialect() + "@" + source, impl.name(),
                impl.dialect()}) {
            Outcome o = expectations.get(key);
            if (o != null) {
                return o;
            }
        }
        return truth;
    }
}
