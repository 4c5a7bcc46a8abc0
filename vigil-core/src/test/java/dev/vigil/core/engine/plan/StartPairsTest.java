package dev.vigil.core.engine.plan;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unfolding a set of folded pairs gives every pair of Latin-1 characters whose lower-case forms make a pair
 * of the set, and no other: checked against that definition, pair by pair, for random sets over all of
 * Latin-1 (letters whose case differs, and characters such as the micro sign and y-diaeresis, whose upper
 * case lies beyond Latin-1).
 */
class StartPairsTest {

    @Test
    void unfoldsExactlyThePairsWhoseFoldsAreInTheSet() {
        Random r = new Random(7);
        for (int round = 0; round < 20; round++) {
            long[] folded = new long[1 << 10];
            for (int i = 0; i < 1 + r.nextInt(64); i++) {
                int pair = Latin1Fold.LOWER[r.nextInt(256)] << 8 | Latin1Fold.LOWER[r.nextInt(256)];
                folded[pair >>> 6] |= 1L << pair;
            }
            long[] unfolded = StartPairs.unfolded(folded);
            for (int a = 0; a < 256; a++) {
                for (int b = 0; b < 256; b++) {
                    int fold = Latin1Fold.LOWER[a] << 8 | Latin1Fold.LOWER[b];
                    boolean expected = (folded[fold >>> 6] & 1L << fold) != 0;
                    int pair = a << 8 | b;
                    assertThat((unfolded[pair >>> 6] & 1L << pair) != 0).as("pair %d,%d", a, b).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void unfoldsNothingFromNothing() {
        assertThat(StartPairs.unfolded(null)).isNull();
    }
}
