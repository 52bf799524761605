package dev.grove.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.tensor.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** 100 rows: 60 of class a, 30 of class b, 10 of class c, in that order. */
    private static Dataset unbalanced() {
        double[][] x = new double[100][1];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i][0] = i;
            y[i] = i < 60 ? 0 : i < 90 ? 1 : 2;
        }
        return Dataset.of(x, y, new Schema(List.of("x"), "y", List.of("a", "b", "c")));
    }

    private static long count(Dataset d, int[] rows, int label) {
        return Arrays.stream(rows).filter(r -> d.label(r) == label).count();
    }

    @Test
    void stratifiedSplitKeepsClassProportionsAndPartitionsRows() {
        Dataset d = unbalanced();
        Split s = Splits.split(d, 0.2, 0.1, true, true, new Rng(1));
        assertThat(s.test()).hasSize(20);
        assertThat(s.validation()).hasSize(10);
        assertThat(s.train()).hasSize(70);
        assertThat(count(d, s.test(), 0)).isEqualTo(12);
        assertThat(count(d, s.test(), 1)).isEqualTo(6);
        assertThat(count(d, s.test(), 2)).isEqualTo(2);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertThat(all).isEqualTo(IntStream.range(0, 100).toArray());
    }

    @Test
    void withoutShufflingTestRowsAreTheLastRowsAndValidationTheOnesBefore() {
        Dataset d = unbalanced();
        Split s = Splits.split(d, 10, 5, false, false, new Rng(1));
        assertThat(s.test()).isEqualTo(IntStream.range(90, 100).toArray());
        assertThat(s.validation()).isEqualTo(IntStream.range(85, 90).toArray());
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Dataset d = unbalanced();
        assertThat(Splits.split(d, 0.3, 0, true, true, new Rng(5)).test())
                .isEqualTo(Splits.split(d, 0.3, 0, true, true, new Rng(5)).test())
                .isNotEqualTo(Splits.split(d, 0.3, 0, true, true, new Rng(6)).test());
    }

    @Test
    void stratifiedKFoldCoversEveryRowOnceWithBalancedFolds() {
        Dataset d = unbalanced();
        List<Split> folds = Splits.kFold(d, 5, true, true, new Rng(3));
        assertThat(folds).hasSize(5);
        int[] seen = new int[100];
        for (Split f : folds) {
            assertThat(f.test()).hasSize(20);
            assertThat(count(d, f.test(), 0)).isEqualTo(12);
            assertThat(count(d, f.test(), 2)).isEqualTo(2);
            assertThat(f.train()).hasSize(80).doesNotContain(f.test());
            Arrays.stream(f.test()).forEach(r -> seen[r]++);
        }
        assertThat(seen).containsOnly(1);
    }

    @Test
    void badSharesAndFoldsAreExplained() {
        Dataset d = unbalanced();
        assertThatThrownBy(() -> Splits.split(d, 1.5, 0, false, true, new Rng(1))).hasMessageContaining("test")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> Splits.split(d, 0.6, 0.5, false, true, new Rng(1))).hasMessageContaining("no training rows");
        assertThatThrownBy(() -> Splits.kFold(d, 1, false, true, new Rng(1))).hasMessageContaining("folds");
        Dataset regression = Dataset.of(new double[][] {{1}, {2}}, new double[] {0.5, 1.5}, new Schema(List.of("x"), "y", List.of()));
        assertThatThrownBy(() -> Splits.kFold(regression, 2, true, true, new Rng(1))).hasMessageContaining("stratify");
    }
}
