package dev.grove.api.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The synthetic generators: deterministic per seed, shaped as asked, and with the documented structure. */
class SyntheticSourceTest {

    private static Dataset generate(SyntheticParams params, long seed) {
        return new SyntheticSource(params).load(RunContext.withSeed(seed)).data();
    }

    @ParameterizedTest
    @ValueSource(strings = {"blobs", "classification", "regression", "moons"})
    void sameSeedSameDataOtherSeedOtherData(String kind) {
        SyntheticParams params = SyntheticParams.of(kind).withSamples(50);
        assertThat(generate(params, 3).fingerprint()).isEqualTo(generate(params, 3).fingerprint());
        assertThat(generate(params, 3).fingerprint()).isNotEqualTo(generate(params, 4).fingerprint());
    }

    @Test
    void blobsHaveTheAskedShapeBalancedClassesAndSpread() {
        SyntheticParams params = SyntheticParams.of("blobs").withSamples(3001).withFeatures(3).withClasses(4)
                .withClusterStd(0.5);
        Dataset d = generate(params, 11);
        assertThat(d.rows()).isEqualTo(3001);
        assertThat(d.schema().featureNames()).containsExactly("x0", "x1", "x2");
        assertThat(d.schema().classLabels()).containsExactly("0", "1", "2", "3");
        int[] counts = new int[4];
        double[][] sums = new double[4][3];
        for (int i = 0; i < d.rows(); i++) {
            counts[d.label(i)]++;
            for (int j = 0; j < 3; j++) {
                sums[d.label(i)][j] += d.feature(i, j);
            }
        }
        // 3001 = 4 × 750 + 1: the first centre gets the extra row.
        assertThat(counts).containsExactly(751, 750, 750, 750);
        // Within-class spread around the class mean estimates cluster-std (750 rows × 3 features).
        double squares = 0;
        for (int i = 0; i < d.rows(); i++) {
            for (int j = 0; j < 3; j++) {
                double e = d.feature(i, j) - sums[d.label(i)][j] / counts[d.label(i)];
                squares += e * e;
            }
        }
        assertThat(Math.sqrt(squares / (3 * d.rows()))).isCloseTo(0.5, within(0.03));
        for (double[] sum : sums) {
            for (int j = 0; j < 3; j++) {
                assertThat(Math.abs(sum[j] / 750)).isLessThan(10.5);
            }
        }
    }

    @Test
    void blobRowsAreShuffled() {
        Dataset d = generate(SyntheticParams.of("blobs").withSamples(60), 5);
        int changes = 0;
        for (int i = 1; i < d.rows(); i++) {
            changes += d.label(i) != d.label(i - 1) ? 1 : 0;
        }
        // Unshuffled rows would change class twice.
        assertThat(changes).isGreaterThan(10);
    }

    @Test
    void classificationPutsEachClassAtItsOwnHypercubeCorner() {
        SyntheticParams params = SyntheticParams.of("classification").withSamples(4000).withFeatures(3).withClasses(5)
                .withClusterStd(0.2);
        Dataset d = generate(params, 2);
        assertThat(d.schema().classLabels()).hasSize(5);
        Set<String> corners = new HashSet<>();
        double[][] sums = new double[5][3];
        int[] counts = new int[5];
        for (int i = 0; i < d.rows(); i++) {
            counts[d.label(i)]++;
            for (int j = 0; j < 3; j++) {
                sums[d.label(i)][j] += d.feature(i, j);
            }
        }
        assertThat(counts).containsExactly(800, 800, 800, 800, 800);
        for (int c = 0; c < 5; c++) {
            StringBuilder corner = new StringBuilder();
            for (int j = 0; j < 3; j++) {
                double mean = sums[c][j] / counts[c];
                assertThat(Math.abs(mean)).isCloseTo(1.0, within(0.05));
                corner.append(mean > 0 ? '+' : '-');
            }
            corners.add(corner.toString());
        }
        assertThat(corners).hasSize(5);
    }

    @Test
    void regressionWithoutNoiseIsExactlyLinear() {
        SyntheticParams params = SyntheticParams.of("regression").withSamples(40).withFeatures(2).withNoise(0);
        Dataset d = generate(params, 9);
        assertThat(d.schema().isClassification()).isFalse();
        // Solve the 2×2 normal equations for y = w0·x0 + w1·x1 by Cramer's rule; the residual must vanish.
        double s00 = 0;
        double s01 = 0;
        double s11 = 0;
        double s0y = 0;
        double s1y = 0;
        for (int i = 0; i < d.rows(); i++) {
            double a = d.feature(i, 0);
            double b = d.feature(i, 1);
            double y = d.target(i);
            s00 += a * a;
            s01 += a * b;
            s11 += b * b;
            s0y += a * y;
            s1y += b * y;
        }
        double det = s00 * s11 - s01 * s01;
        double w0 = (s0y * s11 - s01 * s1y) / det;
        double w1 = (s00 * s1y - s01 * s0y) / det;
        assertThat(w0).isBetween(0.0, 100.0);
        assertThat(w1).isBetween(0.0, 100.0);
        for (int i = 0; i < d.rows(); i++) {
            assertThat(d.target(i)).isCloseTo(w0 * d.feature(i, 0) + w1 * d.feature(i, 1), within(1e-9));
        }
    }

    @Test
    void moonsWithoutNoiseLieOnTheirHalfCircles() {
        Dataset d = generate(SyntheticParams.of("moons").withSamples(101).withNoise(0), 1);
        assertThat(d.rows()).isEqualTo(101);
        int upper = 0;
        for (int i = 0; i < d.rows(); i++) {
            double x = d.feature(i, 0);
            double y = d.feature(i, 1);
            if (d.label(i) == 0) {
                upper++;
                assertThat(Math.hypot(x, y)).isCloseTo(1.0, within(1e-12));
                assertThat(y).isGreaterThanOrEqualTo(-1e-12);
            } else {
                assertThat(Math.hypot(x - 1, y - 0.5)).isCloseTo(1.0, within(1e-12));
                assertThat(y).isLessThanOrEqualTo(0.5 + 1e-12);
            }
        }
        // ⌊101 / 2⌋ rows on the upper moon.
        assertThat(upper).isEqualTo(50);
    }

    @Test
    void paramsRejectImpossibleShapes() {
        assertThatThrownBy(() -> SyntheticParams.of("moons").withFeatures(3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("features must be 2");
        assertThatThrownBy(() -> SyntheticParams.of("classification").withClasses(5))
                .hasMessageStartingWith("classes must be <= 2^features = 4");
        assertThatThrownBy(() -> SyntheticParams.of("blobs").withSamples(0)).hasMessageStartingWith("samples must be >= 1");
        assertThatThrownBy(() -> SyntheticParams.of("spiral")).hasMessageStartingWith("kind must be one of");
        assertThatThrownBy(() -> SyntheticParams.of("blobs").withClusterStd(0)).hasMessageStartingWith("cluster-std must be > 0");
    }

    @Test
    void shapedSamplesAreFloat32ImagesOfThatShapeAndDeterministic() {
        SyntheticParams params = SyntheticParams.of("classification").withSamples(41).withClasses(4)
                .withShape(List.of(3, 8, 8));
        Dataset d = generate(params, 5);
        assertThat(d.storesFloats()).isTrue();
        assertThat(d.rows()).isEqualTo(41);
        assertThat(d.featureCount()).isEqualTo(192);
        assertThat(d.schema().sampleShape()).containsExactly(3, 8, 8);
        assertThat(d.schema().classLabels()).containsExactly("0", "1", "2", "3");
        int[] counts = new int[4];
        for (int label : d.labels()) {
            counts[label]++;
        }
        // 41 = 4 × 10 + 1: the first class gets the extra row.
        assertThat(counts).containsExactly(11, 10, 10, 10);
        assertThat(d.fingerprint()).isEqualTo(generate(params, 5).fingerprint());
        assertThat(d.fingerprint()).isNotEqualTo(generate(params, 6).fingerprint());
    }

    @Test
    void shapedClassesHaveTheirOwnPatternSoTheNearestClassMeanFindsThem() {
        // Blobs: patterns uniform in [-10, 10) per value, noise 4 per value; 2 × 4 × 4 = 32 values.
        SyntheticParams params = SyntheticParams.of("blobs").withSamples(600).withClasses(3).withClusterStd(4.0)
                .withShape(List.of(2, 4, 4));
        Dataset d = generate(params, 12);
        int n = d.rows();
        int half = n / 2;
        double[][] means = new double[3][32];
        int[] counts = new int[3];
        for (int i = 0; i < half; i++) {
            counts[d.label(i)]++;
            for (int j = 0; j < 32; j++) {
                means[d.label(i)][j] += d.feature(i, j);
            }
        }
        double spread = 0;
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 32; j++) {
                means[c][j] /= counts[c];
            }
        }
        for (int i = 0; i < half; i++) {
            for (int j = 0; j < 32; j++) {
                double e = d.feature(i, j) - means[d.label(i)][j];
                spread += e * e;
            }
        }
        assertThat(Math.sqrt(spread / (half * 32.0))).isCloseTo(4.0, within(0.2));
        // Held-out rows: the class whose training mean is nearest is the true class.
        int correct = 0;
        for (int i = half; i < n; i++) {
            int best = -1;
            double bestDistance = Double.MAX_VALUE;
            for (int c = 0; c < 3; c++) {
                double distance = 0;
                for (int j = 0; j < 32; j++) {
                    distance += Math.pow(d.feature(i, j) - means[c][j], 2);
                }
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            correct += best == d.label(i) ? 1 : 0;
        }
        assertThat(correct).isGreaterThan((int) (0.9 * (n - half)));
    }

    @Test
    void flatDataIsUnchangedByAnEmptyShape() {
        SyntheticParams flat = SyntheticParams.of("blobs").withSamples(30);
        assertThat(flat.shape()).isEmpty();
        Dataset d = generate(flat.withShape(List.of()), 3);
        assertThat(d.storesFloats()).isFalse();
        assertThat(d.schema().sampleShape()).containsExactly(2);
        assertThat(d.fingerprint()).isEqualTo(generate(flat, 3).fingerprint());
    }

    @Test
    void shapesAreCheckedAgainstTheGenerator() {
        assertThatThrownBy(() -> SyntheticParams.of("moons").withShape(List.of(1, 2, 1)))
                .hasMessageStartingWith("shape applies to the class generators blobs and classification only");
        assertThatThrownBy(() -> SyntheticParams.of("blobs").withShape(List.of(3, 0, 4)))
                .hasMessageStartingWith("shape dimensions must be >= 1");
        assertThatThrownBy(() -> SyntheticParams.of("blobs").withShape(List.of(3, 1024, 1024)))
                .hasMessageContaining("values per sample");
        assertThatThrownBy(() -> new SyntheticParams("classification", 100, 2, 5, 0.1, 1.0, List.of(1, 2)))
                .hasMessageStartingWith("classes must be <= 2^(values per sample) = 4");
        // The shape, not features, sets the values per sample: 5 classes fit the 2^3 corners of [3].
        assertThat(new SyntheticParams("classification", 100, 2, 5, 0.1, 1.0, List.of(3)).valuesPerSample()).isEqualTo(3);
        assertThatThrownBy(() -> SyntheticParams.of("blobs").withSamples(100_000).withShape(List.of(3, 128, 128)))
                .hasMessageStartingWith("samples × values per sample must fit in one array");
    }
}
