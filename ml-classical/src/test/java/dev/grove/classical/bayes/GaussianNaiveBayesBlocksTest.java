package dev.grove.classical.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Gaussian naive Bayes on data of several blocks of rows: the blocked, parallel sums and where errors point. */
class GaussianNaiveBayesBlocksTest {

    private static final Schema SCHEMA = new Schema(List.of("u", "v"), "y", List.of("a", "b", "c"));

    /** 2.5 blocks of rows, labels 0–2, features offset + N(0, 1) so that a one-pass variance would cancel. */
    private static Dataset offsetData(double offset) {
        Random random = new Random(17);
        int rows = 2 * ClassSums.BLOCK_ROWS + ClassSums.BLOCK_ROWS / 2;
        double[][] x = new double[rows][2];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = random.nextInt(3);
            x[i][0] = offset + random.nextGaussian() + y[i];
            x[i][1] = -offset + 3 * random.nextGaussian();
        }
        return Dataset.of(x, y, SCHEMA);
    }

    @Test
    void theThreadBudgetDoesNotChangeTheFit() {
        Dataset data = offsetData(5);
        var estimator = new GaussianNaiveBayes(GaussianNaiveBayesParams.defaults());
        GaussianNaiveBayesModel one = estimator.fit(data, RunContext.builder(0).threads(1).build());
        GaussianNaiveBayesModel four = estimator.fit(data, RunContext.builder(0).threads(4).build());
        assertThat(four.means()).isDeepEqualTo(one.means());
        assertThat(four.variances()).isDeepEqualTo(one.variances());
        assertThat(four.epsilon()).isEqualTo(one.epsilon());
    }

    @Test
    void meansAndVariancesMatchAPlainTwoPassComputationDespiteALargeOffset() {
        // Around 1e8 a variance of about 1 would lose every digit to cancellation in Σx² − n·mean²;
        // the blocked two-pass sums must agree with a plain two-pass loop: the means to 1e-13 relative
        // (sums of ~1e4 terms of 1e8 in another order differ by some ulps), the variances to 1e-7.
        Dataset data = offsetData(1e8);
        GaussianNaiveBayesModel model = new GaussianNaiveBayes(new GaussianNaiveBayesParams(0)).fit(data,
                RunContext.withSeed(0));
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 2; j++) {
                double sum = 0;
                int n = 0;
                for (int i = 0; i < data.rows(); i++) {
                    if (data.label(i) == k) {
                        sum += data.feature(i, j);
                        n++;
                    }
                }
                double mean = sum / n;
                double squares = 0;
                for (int i = 0; i < data.rows(); i++) {
                    if (data.label(i) == k) {
                        double d = data.feature(i, j) - mean;
                        squares += d * d;
                    }
                }
                assertThat(model.means()[k][j]).isCloseTo(mean, offset(1e-13 * Math.abs(mean)));
                assertThat(model.variances()[k][j]).isCloseTo(squares / n, offset(1e-7 * squares / n));
            }
        }
    }

    @Test
    void epsilonFollowsTheLargestVarianceOverAllRows() {
        // The variance of v over all rows (about 9) is computed here directly; ε is 1e-9 of it.
        Dataset data = offsetData(5);
        double sum = 0;
        for (int i = 0; i < data.rows(); i++) {
            sum += data.feature(i, 1);
        }
        double mean = sum / data.rows();
        double squares = 0;
        for (int i = 0; i < data.rows(); i++) {
            squares += (data.feature(i, 1) - mean) * (data.feature(i, 1) - mean);
        }
        GaussianNaiveBayesModel model = new GaussianNaiveBayes(GaussianNaiveBayesParams.defaults()).fit(data,
                RunContext.withSeed(0));
        assertThat(model.epsilon()).isCloseTo(1e-9 * squares / data.rows(), offset(1e-9 * 1e-12 * squares / data.rows()));
    }

    @Test
    void theFirstNonFiniteValueInRowOrderIsNamed() {
        Dataset data = offsetData(0);
        double[] x = data.featureMatrix();
        x[(2 * ClassSums.BLOCK_ROWS + 3) * 2] = Double.NaN;
        x[(ClassSums.BLOCK_ROWS + 40) * 2 + 1] = Double.NEGATIVE_INFINITY;
        Dataset bad = Dataset.ofFlat(x, data.targets(), SCHEMA);
        assertThatThrownBy(() -> new GaussianNaiveBayes(GaussianNaiveBayesParams.defaults()).fit(bad, RunContext.withSeed(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gaussian-nb: feature 'v' of row " + (ClassSums.BLOCK_ROWS + 40)
                        + " is -Infinity; the features must be finite numbers");
    }
}
