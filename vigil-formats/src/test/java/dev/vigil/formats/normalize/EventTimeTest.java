package dev.vigil.formats.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    @Test
    void isoWithZoneAndSevenDigitFraction() {
        assertThat(EventTime.parse("2019-05-14T10:23:45.1234567Z")).isEqualTo(Instant.parse("2019-05-14T10:23:45.123Z").toEpochMilli());
    }

    @Test
    void spaceSeparatedWithoutZoneIsUtc() {
        assertThat(EventTime.parse("2023-02-06 22:07:30.404066")).isEqualTo(Instant.parse("2023-02-06T22:07:30.404Z").toEpochMilli());
    }

    @Test
    void offsetsAreApplied() {
        assertThat(EventTime.parse("2020-01-01T01:00:00+01:00")).isEqualTo(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void nonTimesAreRejected() {
        assertThat(EventTime.parse("yesterday")).isEqualTo(Long.MIN_VALUE);
        assertThat(EventTime.parse("2020-13-01 00:00:00")).isEqualTo(Long.MIN_VALUE);
        assertThat(EventTime.parse("2020-01-01 00:00:00 junk")).isEqualTo(Long.MIN_VALUE);
    }
}
