package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The negative-sampling distribution: count^0.75, normalised, sampled exactly. */
class UnigramTableTest {

    /**
     * Counts 16, 1, 1: 16^0.75 = 8, so p = (0.8, 0.1, 0.1). Vose's table: shares n·p = (2.4, 0.3,
     * 0.3); slots 1 and 2 keep 0.3 of their own word and hand the rest to word 0; slot 0 keeps all.
     */
    @Test
    void smallCountsGiveTheHandComputedTable() {
        UnigramTable table = UnigramTable.of(new long[] {16, 1, 1});
        assertThat(table.probability(0)).isCloseTo(0.8, within(1e-9));
        assertThat(table.probability(1)).isCloseTo(0.1, within(1e-9));
        assertThat(table.probability(2)).isCloseTo(0.1, within(1e-9));

        long slot1 = (1L << 32) / 3 + 1;
        assertThat(table.draw(0L)).as("slot 0 keeps its word").isZero();
        assertThat(table.draw(slot1 << 32 | (long) (0.29 * (1L << 31)))).as("slot 1, below 0.3").isEqualTo(1);
        assertThat(table.draw(slot1 << 32 | (long) (0.31 * (1L << 31)))).as("slot 1, above 0.3: alias").isZero();
    }

    @Test
    void everyWordIsDrawnWithItsSmoothedUnigramShare() {
        SplittableRandom random = new SplittableRandom(7);
        long[] counts = new long[500];
        double total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 1 + random.nextInt(1000);
            total += Math.pow(counts[i], 0.75);
        }
        UnigramTable table = UnigramTable.of(counts);
        for (int i = 0; i < counts.length; i++) {
            assertThat(table.probability(i)).isCloseTo(Math.pow(counts[i], 0.75) / total, within(1e-9));
        }
    }

    @Test
    void drawsFollowTheDistribution() {
        UnigramTable table = UnigramTable.of(new long[] {16, 1, 1});
        SplittableRandom random = new SplittableRandom(3);
        int[] seen = new int[3];
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            seen[table.draw(random.nextLong())]++;
        }
        // Standard error of a share of 0.1 in 200,000 draws: 0.00067; allow 5 of them.
        assertThat(seen[0] / (double) draws).isCloseTo(0.8, within(0.0035));
        assertThat(seen[1] / (double) draws).isCloseTo(0.1, within(0.0035));
        assertThat(seen[2] / (double) draws).isCloseTo(0.1, within(0.0035));
    }
}
