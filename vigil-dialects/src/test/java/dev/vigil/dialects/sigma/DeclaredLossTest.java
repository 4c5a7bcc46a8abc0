package dev.vigil.dialects.sigma;

import dev.vigil.core.analytic.Query;
import org.junit.jupiter.api.Test;

import static dev.vigil.dialects.sigma.Rules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rule x source classification: exact, degraded (a branch can never be true), impossible. */
class DeclaredLossTest {

    private final DeclaredLoss loss = DeclaredLoss.standard();

    private Query query(String detection) {
        return new Rules().compile(rule(detection)).get(0);
    }

    @Test
    void imageAndCommandLineAreExactOnBothSources() {
        Query q = query("    sel:\n        Image|endswith: '\\net.exe'\n        CommandLine|contains: delete\n    condition: sel\n");
        assertThat(loss.classify(q, "sysmon").level()).isEqualTo(DeclaredLoss.Level.EXACT);
        assertThat(loss.classify(q, "security").level()).isEqualTo(DeclaredLoss.Level.EXACT);
    }

    @Test
    void anOrBranchOnOriginalFileNameIsDegradedOn4688() {
        Query q = query("    sel:\n        - Image|endswith: '\\net.exe'\n        - OriginalFileName: net.exe\n"
                + "    condition: sel\n");
        DeclaredLoss.Verdict v = loss.classify(q, "security");
        assertThat(v.level()).isEqualTo(DeclaredLoss.Level.DEGRADED);
        assertThat(v.missing()).containsExactly("OriginalFileName");
        assertThat(v.reduced().toString()).isEqualTo("(match Image endswith i \"\\\\net.exe\")");
    }

    @Test
    void aRequiredMissingFieldIsImpossible() {
        Query q = query("    sel:\n        ParentCommandLine|contains: x\n        Image|endswith: y\n    condition: sel\n");
        assertThat(loss.classify(q, "security").level()).isEqualTo(DeclaredLoss.Level.IMPOSSIBLE);
        assertThat(loss.classify(q, "sysmon").level()).isEqualTo(DeclaredLoss.Level.EXACT);
    }

    @Test
    void aFilterOnAMissingFieldNeverFiltersAndIsDegraded() {
        Query q = query("    sel:\n        Image|endswith: x\n    filter:\n        Hashes|contains: 'SHA1=AB'\n"
                + "    condition: sel and not filter\n");
        assertThat(loss.classify(q, "security").level()).isEqualTo(DeclaredLoss.Level.DEGRADED);
    }

    @Test
    void aSourceThatLogsNoneOfTheScopeIsImpossible() {
        String text = "title: t\nlogsource:\n    product: windows\n    category: registry_set\ndetection:\n"
                + "    sel:\n        TargetObject|contains: x\n    condition: sel\n";
        Query q = new Rules().compile(text).get(0);
        assertThat(loss.classify(q, "security").level()).isEqualTo(DeclaredLoss.Level.IMPOSSIBLE);
        assertThat(loss.classify(q, "sysmon").level()).isEqualTo(DeclaredLoss.Level.EXACT);
    }

    @Test
    void unknownSourceListsTheKnownOnes() {
        Query q = query("    sel:\n        Image: x\n    condition: sel\n");
        assertThatThrownBy(() -> loss.classify(q, "sysmonn")).hasMessageContaining("known: security, sysmon");
    }
}
