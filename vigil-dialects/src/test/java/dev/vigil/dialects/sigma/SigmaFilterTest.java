package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.vigil.dialects.sigma.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** Global filters: applied by rule id/name and logsource containment, as (rule) and not (filter). */
class SigmaFilterTest {

    private static final String RULE = rule("    sel:\n        Image|endswith: '\\rar.exe'\n    condition: sel\n");

    private static List<SigmaFilter> filters(String text) {
        return SigmaFilter.parse("filter.yml", text, new Diagnostics());
    }

    private static String filter(String rules, String logsource) {
        return "title: Filter admins\nlogsource:\n" + logsource + "filter:\n    rules:\n" + rules
                + "    selection:\n        User|startswith: 'adm_'\n    condition: selection\n";
    }

    @Test
    void filterSuppressesTheMatchingEventsOfTheNamedRule() {
        List<SigmaFilter> f = filters(filter("        - 00000000-0000-0000-0000-000000000001\n",
                "    product: windows\n    category: process_creation\n"));
        Rules rules = new Rules(new SigmaDialect(Map.of(), f));
        assertThat(rules.matches(RULE, Map.of("Image", "C:\\rar.exe", "User", "adm_bob"))).isFalse();
        assertThat(rules.matches(RULE, Map.of("Image", "C:\\rar.exe", "User", "bob"))).isTrue();
    }

    @Test
    void filterForAnotherRuleDoesNothing() {
        List<SigmaFilter> f = filters(filter("        - 11111111-0000-0000-0000-000000000001\n",
                "    product: windows\n    category: process_creation\n"));
        Rules rules = new Rules(new SigmaDialect(Map.of(), f));
        assertThat(rules.matches(RULE, Map.of("Image", "C:\\rar.exe", "User", "adm_bob"))).isTrue();
    }

    @Test
    void filterWhoseLogsourceDoesNotContainTheRulesDoesNothing() {
        List<SigmaFilter> f = filters(filter("        - 00000000-0000-0000-0000-000000000001\n",
                "    product: windows\n    category: file_event\n"));
        Rules rules = new Rules(new SigmaDialect(Map.of(), f));
        assertThat(rules.matches(RULE, Map.of("Image", "C:\\rar.exe", "User", "adm_bob"))).isTrue();
    }

    @Test
    void productOnlyLogsourceContainsTheRulesAndAnyMeansEveryRule() {
        List<SigmaFilter> f = filters(filter("        - any\n", "    product: windows\n"));
        Rules rules = new Rules(new SigmaDialect(Map.of(), f));
        assertThat(rules.matches(RULE, Map.of("Image", "C:\\rar.exe", "User", "adm_bob"))).isFalse();
    }

    @Test
    void negatedFilterConditionIsReported() {
        Diagnostics d = new Diagnostics();
        SigmaFilter.parse("f.yml", filter("        - any\n", "    product: windows\n").replace("condition: selection",
                "condition: not selection"), d);
        assertThat(d.all()).extracting(x -> x.code()).containsExactly("sigma/negated-filter");
    }
}
