package dev.vigil.dialects.sigma;

import dev.vigil.core.diag.Diagnostics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The placeholder file and correlation documents. */
class PlaceholderAndCorrelationTest {

    @Test
    void placeholderFileMapsNamesToValueLists() {
        Diagnostics d = new Diagnostics();
        Map<String, List<String>> p = SigmaPlaceholders.parse("p.yml",
                "Administrators: ['adm_*', Administrator]\nDomainControllers: 'DC0?'\n", d);
        assertThat(d.all()).isEmpty();
        assertThat(p).containsEntry("Administrators", List.of("adm_*", "Administrator"))
                .containsEntry("DomainControllers", List.of("DC0?"));
    }

    @Test
    void placeholderWithoutValuesIsReported() {
        Diagnostics d = new Diagnostics();
        SigmaPlaceholders.parse("p.yml", "Administrators:\n", d);
        assertThat(d.all()).extracting(x -> x.code()).containsExactly("sigma/bad-placeholders");
    }

    @Test
    void correlationIsReadWithItsParts() {
        Diagnostics d = new Diagnostics();
        List<SigmaCorrelation> c = SigmaLoader.correlations("c.yml", "title: Many failed logons\ncorrelation:\n"
                + "    type: event_count\n    rules: [failed_logon]\n    group-by: [TargetUserName]\n"
                + "    timespan: 5m\n    condition:\n        gte: 10\n", d);
        assertThat(d.all()).isEmpty();
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.type()).isEqualTo("event_count");
            assertThat(x.rules()).containsExactly("failed_logon");
            assertThat(x.condition()).containsEntry("gte", "10");
        });
    }

    @Test
    void malformedCorrelationIsInvalidNotUnsupported() {
        Diagnostics d = new Diagnostics();
        new SigmaLoader().load("c.yml", "title: x\ncorrelation:\n    type: event_cnt\n    rules: [a]\n    timespan: 5 min\n", d);
        assertThat(d.all()).extracting(x -> x.code()).containsExactly("sigma/invalid-correlation",
                "sigma/invalid-correlation");
    }
}
