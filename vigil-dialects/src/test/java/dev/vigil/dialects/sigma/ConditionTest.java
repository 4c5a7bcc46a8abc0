package dev.vigil.dialects.sigma;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.vigil.dialects.sigma.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The condition grammar: precedence or &lt; and &lt; not &lt; x of, quantifiers, patterns, hidden identifiers. */
class ConditionTest {

    private static String parse(String c) throws ConditionParser.Error {
        return ConditionParser.parse(c).toString();
    }

    @Test
    void andBindsTighterThanOr() throws Exception {
        assertThat(parse("a or b and c")).isEqualTo("(or a (and b c))");
    }

    @Test
    void notBindsTighterThanAnd() throws Exception {
        assertThat(parse("not a and b")).isEqualTo("(and (not a) b)");
        assertThat(parse("a and not b or c")).isEqualTo("(or (and a (not b)) c)");
    }

    @Test
    void quantifierBindsTighterThanNot() throws Exception {
        assertThat(parse("sel and not 1 of filter_*")).isEqualTo("(and sel (not (1-of filter_*)))");
        assertThat(parse("all of them")).isEqualTo("(all-of them)");
        assertThat(parse("any of sel*")).isEqualTo("(1-of sel*)");
    }

    @Test
    void parenthesesGroup() throws Exception {
        assertThat(parse("(a or b) and c")).isEqualTo("(and (or a b) c)");
    }

    @Test
    void wordsAreReadWhole() throws Exception {
        assertThat(parse("notable")).isEqualTo("notable");
    }

    @Test
    void unbalancedParenthesisPointsAtTheOffset() {
        assertThatThrownBy(() -> ConditionParser.parse("(a or b"))
                .isInstanceOfSatisfying(ConditionParser.Error.class, e -> assertThat(e.offset()).isEqualTo(7));
    }

    @Test
    void pipeAggregationIsUnsupported() {
        assertThatThrownBy(() -> ConditionParser.parse("sel | count() > 5"))
                .isInstanceOfSatisfying(ConditionParser.Error.class,
                        e -> assertThat(e.code()).isEqualTo("sigma/unsupported-aggregation"));
    }

    private final Rules rules = new Rules();

    @Test
    void oneOfPatternIsOrOfMatchingIdentifiers() {
        String d = "    sel_a:\n        Image: a\n    sel_b:\n        Image: b\n    condition: 1 of sel_*\n";
        assertThat(rules.matches(rule(d), Map.of("Image", "b"))).isTrue();
    }

    @Test
    void allOfPatternIsAnd() {
        String d = "    sel_a:\n        Image|contains: a\n    sel_b:\n        Image|contains: b\n    condition: all of sel_*\n";
        assertThat(rules.matches(rule(d), Map.of("Image", "ab"))).isTrue();
        assertThat(rules.matches(rule(d), Map.of("Image", "a"))).isFalse();
    }

    @Test
    void themExcludesUnderscoreIdentifiers() {
        String d = "    sel:\n        Image: a\n    _hidden:\n        Image: b\n    condition: 1 of them\n";
        assertThat(rules.matches(rule(d), Map.of("Image", "b"))).isFalse();
        assertThat(rules.matches(rule(d), Map.of("Image", "a"))).isTrue();
    }

    @Test
    void underscorePatternReachesUnderscoreIdentifiers() {
        String d = "    sel:\n        Image: a\n    _f:\n        Image: b\n    condition: 1 of _*\n";
        assertThat(rules.matches(rule(d), Map.of("Image", "b"))).isTrue();
    }

    @Test
    void oneOfNothingIsFalseWithAWarning() {
        String d = "    sel:\n        Image: a\n    condition: sel and not 1 of filter_*\n";
        assertThat(rules.matches(rule(d), Map.of("Image", "a"))).isTrue();
        assertThat(rules.codes()).contains("sigma/empty-pattern");
    }

    @Test
    void listOfConditionsIsOr() {
        String d = "    a:\n        Image: a\n    b:\n        Image: b\n    condition:\n        - a\n        - b\n";
        assertThat(rules.matches(rule(d), Map.of("Image", "b"))).isTrue();
    }
}
