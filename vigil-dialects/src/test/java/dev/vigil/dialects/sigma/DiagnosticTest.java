package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.Diagnostic;
import org.junit.jupiter.api.Test;

import static dev.vigil.dialects.sigma.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** Diagnostics carry stable codes, file:line:col of the author's text, and a hint. */
class DiagnosticTest {

    private final Rules rules = new Rules();

    @Test
    void unknownModifierSuggestsTheClosestAndListsAllowed() {
        rules.compile(rule("    sel:\n        CommandLine|contians: x\n    condition: sel\n"));
        Diagnostic d = rules.first("sigma/unknown-modifier");
        assertThat(d.headline()).isEqualTo(
                "rule.yml:8:9: error[sigma/unknown-modifier]: unknown modifier 'contians' in 'CommandLine|contians'");
        assertThat(d.hint()).startsWith("did you mean 'contains'? allowed: contains, startswith");
    }

    @Test
    void badConditionPointsAtTheOffsetInsideTheCondition() {
        rules.compile(rule("    sel:\n        Image: x\n    condition: sel and (sel or\n"));
        Diagnostic d = rules.first("sigma/bad-condition");
        assertThat(d.span().line()).isEqualTo(9);
        assertThat(d.span().column()).isEqualTo(16 + "sel and (sel or".length());
    }

    @Test
    void unknownIdentifierSuggestsTheClosest() {
        rules.compile(rule("    selection:\n        Image: x\n    condition: selectoin\n"));
        Diagnostic d = rules.first("sigma/unknown-identifier");
        assertThat(d.span().line()).isEqualTo(9);
        assertThat(d.span().column()).isEqualTo(16);
        assertThat(d.hint()).contains("did you mean 'selection'?");
    }

    @Test
    void upperCaseOperatorsAreExplained() {
        rules.compile(rule("    a:\n        Image: x\n    b:\n        Image: y\n    condition: a AND b\n"));
        Diagnostic d = rules.first("sigma/bad-condition");
        assertThat(d.message()).contains("operators are lower-case: write 'and'");
        assertThat(d.span().column()).isEqualTo(18);
    }

    @Test
    void invalidYamlHasAPosition() {
        new SigmaLoader().load("bad.yml", "title: x\ndetection: [a\n", rules.diags);
        Diagnostic d = rules.first("sigma/invalid-yaml");
        assertThat(d.span().file()).isEqualTo("bad.yml");
        assertThat(d.span().line()).isPositive();
    }

    @Test
    void missingDetectionIsAMissingKey() {
        new SigmaLoader().load("r.yml", "title: x\nlogsource:\n    product: windows\n", rules.diags);
        assertThat(rules.codes()).containsExactly("sigma/missing-key");
    }

    @Test
    void badRegexIsRejectedAndLookaroundIsUnsupported() {
        rules.compile(rule("    sel:\n        CommandLine|re: 'a(b'\n    condition: sel\n"));
        rules.compile(rule("    sel:\n        CommandLine|re: 'a(?=b)'\n    condition: sel\n"));
        assertThat(rules.codes()).containsExactly("sigma/bad-regex", "sigma/unsupported-regex");
    }

    @Test
    void correlationIsCheckedQuietlyAndTheOtherDocumentsStillLoad() {
        String text = rule("    sel:\n        Image: x\n    condition: sel\n") + "---\ntitle: c\ncorrelation:\n"
                + "    type: event_count\n    rules: [t]\n    timespan: 1h\n    condition: {gte: 5}\n";
        assertThat(new SigmaLoader().load("r.yml", text, rules.diags)).hasSize(1);
        assertThat(rules.codes()).isEmpty();
    }

    @Test
    void unknownLogsourceWarnsAndRoutesToTheProduct() {
        String text = "title: t\nlogsource:\n    product: windows\n    category: made_up\ndetection:\n"
                + "    sel:\n        Image: x\n    condition: sel\n";
        var q = rules.compile(text);
        assertThat(q).hasSize(1);
        assertThat(q.get(0).scope().toString()).isEqualTo("windows/*/*");
        assertThat(rules.codes()).containsExactly("sigma/unknown-logsource");
    }

    @Test
    void existsWithOtherModifiersIsABadChain() {
        rules.compile(rule("    sel:\n        Image|exists|contains: true\n    condition: sel\n"));
        assertThat(rules.codes()).containsExactly("sigma/bad-modifier-chain");
    }

    @Test
    void sigmaOneDatesAreAccepted() {
        new SigmaLoader().load("r.yml", "date: 2023/02/21\n" + rule("    sel:\n        Image: x\n    condition: sel\n"),
                rules.diags);
        assertThat(rules.diags.all()).isEmpty();
    }

    @Test
    void fieldOutsideTheTaxonomyIsAWarningWithDidYouMean() {
        var q = rules.compile(rule("    sel:\n        Commandline|contains: x\n    condition: sel\n"));
        assertThat(q).hasSize(1);
        Diagnostic d = rules.first("sigma/unknown-field");
        assertThat(d.span().line()).isEqualTo(8);
        assertThat(d.hint()).startsWith("did you mean 'CommandLine'?");
    }

    @Test
    void loaderAcceptsSigmaDocumentsOnly() {
        SigmaLoader loader = new SigmaLoader();
        assertThat(loader.accepts("r.yml", rule("    sel:\n        Image: x\n    condition: sel\n"))).isTrue();
        assertThat(loader.accepts("c.yml", "title: c\ncorrelation:\n    type: event_count\n")).isTrue();
        assertThat(loader.accepts("r.txt", rule("    sel:\n        Image: x\n    condition: sel\n"))).isFalse();
        assertThat(loader.accepts("car.yml", "id: CAR-2020-11-007\nimplementations:\n  - code: x\n")).isFalse();
    }

    @Test
    void repeatedFieldKeyKeepsTheLastAsPyYamlDoesAndWarns() {
        String text = rule("    sel:\n        Image: a\n        Image: b\n    condition: sel\n");
        assertThat(rules.matches(text, java.util.Map.of("Image", "b"))).isTrue();
        assertThat(rules.first("sigma/duplicate-key").span().line()).isEqualTo(8);
    }

    @Test
    void positionsInALaterDocumentAreFilePositions() {
        String first = rule("    sel:\n        Image: x\n    condition: sel\n");
        String second = rule("    sel:\n        Image|endswth: x\n    condition: sel\n");
        var q = rules.compile(first + "---\n" + second);
        assertThat(q).hasSize(1);
        Diagnostic d = rules.first("sigma/unknown-modifier");
        assertThat(d.span().line()).isEqualTo(9 + 1 + 8);
        assertThat(d.span().column()).isEqualTo(9);
        assertThat(d.hint()).startsWith("did you mean 'endswith'?");
    }

    @Test
    void byteOrderMarkAndWindowsLineEndingsAreFine() {
        String text = "\uFEFF" + rule("    sel:\n        Image: x\n    condition: sel\n").replace("\n", "\r\n");
        assertThat(rules.compile(text)).hasSize(1);
        assertThat(rules.diags.all()).isEmpty();
    }

    @Test
    void aRuleEmbeddedAsABlockScalarReportsFilePositions() {
        // As a Vigil analytic holds it: the query starts at line 20, column 7, later lines indented by 6.
        String query = "title: t\nlogsource: {product: windows, category: process_creation}\ndetection:\n"
                + "    sel:\n        Image|contians: x\n    condition: sel\n";
        var impl = new dev.vigil.core.analytic.Implementation("sigma", "sigma", null, null, query,
                new dev.vigil.core.analytic.QuerySource("analytic.yml", 20, 7, 6));
        assertThat(new SigmaDialect().compile(impl, rules.diags)).isEmpty();
        Diagnostic d = rules.first("sigma/unknown-modifier");
        assertThat(d.span().line()).isEqualTo(24);
        assertThat(d.span().column()).isEqualTo(6 + 9);
    }
}
