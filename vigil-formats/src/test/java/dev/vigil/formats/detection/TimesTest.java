package dev.vigil.formats.detection;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Times print exactly what the ISO pattern prints, across the years detections can carry and past them. */
class TimesTest {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Test
    void printsWhatTheIsoPatternPrints() {
        Random r = new Random(67);
        long year1 = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long year10000 = Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli();
        long[] edges = {0, -1, 1, 999, 1000, -999, -1000, -1001, year1, year1 - 1, year10000, year10000 - 1,
            Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli(), Long.MAX_VALUE / 1000, Long.MIN_VALUE / 1000};
        for (long ms : edges) {
            assertThat(Times.iso(ms)).as("%d", ms).isEqualTo(ISO.format(Instant.ofEpochMilli(ms)));
        }
        for (int i = 0; i < 200_000; i++) {
            long ms = i % 2 == 0 ? year1 + (long) (r.nextDouble() * (year10000 - year1)) : (long) (r.nextGaussian() * 4e12);
            assertThat(Times.iso(ms)).as("%d", ms).isEqualTo(ISO.format(Instant.ofEpochMilli(ms)));
        }
    }

    @Test
    void anEventWithoutTimeHasNone() {
        assertThat(Times.iso(Long.MIN_VALUE)).isNull();
    }
}
