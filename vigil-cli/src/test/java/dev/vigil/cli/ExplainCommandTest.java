package dev.vigil.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExplainCommandTest {

    @Test
    void printsThePlanAndWhyEachImplementationMatchedOnEachEvent() {
        CliRun r = CliRun.of("explain", "CAR-2020-11-007", "--event", CliRun.sample("sysmon.xml"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("routed to:").contains("optimised:").contains("witnesses:")
                .contains("search on").contains("MATCH").contains("[true]").contains("[false]");
    }

    @Test
    void anUnknownAnalyticIsAUsageError() {
        CliRun r = CliRun.of("explain", "no-such-analytic");
        assertThat(r.exitCode()).isEqualTo(Vigil.USAGE);
        assertThat(r.err()).contains("no analytic with id or title 'no-such-analytic'");
    }
}
