package dev.grove.classical.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The radix presort against a boxed comparison sort, on values of every sign, size and multiplicity. */
class SortedColumnsTest {

    @Test
    void entriesAreTheRowsInValueOrderWithRanksOfDistinctValues() {
        int rows = 3000;
        int features = 4;
        var random = new SplittableRandom(5);
        double[] x = new double[rows * features];
        for (int i = 0; i < rows; i++) {
            x[i * features] = random.nextGaussian() * Math.pow(10, random.nextInt(-300, 300));
            x[i * features + 1] = random.nextInt(-3, 4) * 0.25;
            x[i * features + 2] = random.nextBoolean() ? -0.0 : 0.0;
            x[i * features + 3] = random.nextInt(3) == 0 ? -Double.MAX_VALUE : random.nextDouble() - 0.5;
        }
        for (boolean parallel : new boolean[] {false, true}) {
            SortedColumns columns = SortedColumns.sort(x, rows, features, parallel);
            for (int f = 0; f < features; f++) {
                int feature = f;
                Integer[] expected = IntStream.range(0, rows).boxed().toArray(Integer[]::new);
                // -0.0 and 0.0 are one value to a tree; ties keep ascending rows.
                Arrays.sort(expected, Comparator.<Integer>comparingDouble(r -> x[r * features + feature] + 0.0)
                        .thenComparingInt(r -> r));
                var distinct = new TreeSet<Double>();
                for (int r = 0; r < rows; r++) {
                    distinct.add(x[r * features + f] + 0.0);
                }
                Double[] values = distinct.toArray(Double[]::new);
                assertThat(columns.distinct[f]).as("distinct values of feature " + f)
                        .containsExactly(Arrays.stream(values).mapToDouble(Double::doubleValue).toArray());
                for (int k = 0; k < rows; k++) {
                    long entry = columns.entries[f * rows + k];
                    assertThat((int) entry).as("row at position " + k + " of feature " + f).isEqualTo(expected[k]);
                    assertThat(columns.distinct[f][(int) (entry >>> 32)]).as("value at position " + k)
                            .isEqualTo(x[expected[k] * features + f] + 0.0);
                }
            }
        }
    }

    @Test
    void entriesForAGrowerKeepOrderRenumberRowsAndCarryLabels() {
        double[] x = {3, 1, 2, 1, 5};
        SortedColumns columns = SortedColumns.sort(x, 5, 1, false);
        // Keep rows 0, 1, 3, 4 as 0..3, with labels 2, 0, 1, 3 in two bits.
        long[] entries = columns.entriesFor(new int[] {0, 1, -1, 2, 3}, 4, new int[] {2, 0, 1, 3}, 2);
        // Sorted kept rows: row 1 (1.0), row 3 (1.0), row 0 (3.0), row 4 (5.0); ranks over all rows: 1.0→0, 3.0→2, 5.0→3.
        assertThat(entries).containsExactly(0L << 32 | 1 << 2 | 0, 0L << 32 | 2 << 2 | 1, 2L << 32 | 0 << 2 | 2,
                3L << 32 | 3 << 2 | 3);
    }
}
