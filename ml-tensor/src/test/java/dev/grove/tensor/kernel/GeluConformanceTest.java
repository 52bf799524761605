package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grove.tensor.internal.scalar.ScalarKernels;
import dev.grove.tensor.internal.simd.VectorKernels;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact GELU kernel of every implementation against an independent float64 reference of Φ (the
 * Taylor series of erf near 0, the continued fraction of erfc beyond), itself checked against
 * Python's {@code math.erfc}. The accuracy bound is the one {@link Kernels#gelu} documents.
 */
class GeluConformanceTest {

    /** Bound on the error of a value relative to its size, and of a derivative relative to Φ + |x|·φ. */
    private static final double TOLERANCE = 1e-6;

    /** -8 to 8 in steps of 1/64 (0 and the tails included), with lengths that leave vector tails. */
    private static float[] grid() {
        float[] x = new float[16 * 64 + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = -8f + i / 64f;
        }
        return x;
    }

    /** erfc(z) for z ≥ 0 in float64, to about 1e-14 of its size. */
    private static double erfc(double z) {
        if (z < 2) {
            double term = z;
            double erf = 0;
            for (int n = 0; n < 80; n++) {
                erf += term / (2 * n + 1);
                term *= -z * z / (n + 1);
            }
            return 1 - 2 / Math.sqrt(Math.PI) * erf;
        }
        // erfc(z) = e^(-z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + ...)))), evaluated from a deep level up.
        double fraction = z;
        for (int k = 2000; k >= 1; k--) {
            fraction = z + (k / 2.0) / fraction;
        }
        return Math.exp(-z * z) / Math.sqrt(Math.PI) / fraction;
    }

    private static double cdf(double v) {
        double half = 0.5 * erfc(Math.abs(v) / Math.sqrt(2));
        return v >= 0 ? 1 - half : half;
    }

    private static double density(double v) {
        return Math.exp(-0.5 * v * v) / Math.sqrt(2 * Math.PI);
    }

    @Test
    void theReferenceMatchesPythonsErfc() {
        // math.erfc(z) in CPython 3 (the C library's erfc, correct to about 1 ulp).
        double[][] known = {{0.5, 0.4795001221869535}, {1, 0.15729920705028513}, {2, 0.004677734981047265},
            {3, 2.2090496998585438e-05}, {4, 1.541725790028002e-08}, {8 / Math.sqrt(2), 1.2441921148543513e-15}};
        for (double[] pair : known) {
            assertThat(erfc(pair[0])).as("erfc(%s)", pair[0]).isCloseTo(pair[1], within(1e-13 * pair[1]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void valuesAndDerivativesMatchTheFloat64Definition(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        float[] x = grid();
        float[] y = new float[x.length];
        float[] slope = new float[x.length];
        kernels.gelu(x, 0, y, 0, slope, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            double value = v * cdf(v);
            assertThat((double) y[i]).as("gelu(%s)", v).isCloseTo(value, within(TOLERANCE * Math.abs(value)));
            double scale = cdf(v) + Math.abs(v) * density(v);
            assertThat((double) slope[i]).as("gelu'(%s)", v)
                    .isCloseTo(cdf(v) + v * density(v), within(TOLERANCE * scale));
        }
        // Python: 0.5·x·math.erfc(-x/√2) at -8, -0.75 (where the derivative crosses zero) and 2.
        kernels.gelu(new float[] {-8f, -0.75f, 2f}, 0, y, 0, null, 0, 3);
        assertThat((double) y[0]).isCloseTo(-4.9767684594174555e-15, within(1e-6 * 4.98e-15));
        assertThat((double) y[1]).isCloseTo(-0.16997051428265114, within(1e-6 * 0.17));
        assertThat((double) y[2]).isCloseTo(1.9544997361036416, within(1e-6 * 1.95));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void offsetsInPlaceAndTailsGiveTheSameBitsAsOneCallPerElement(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        Random random = new Random(31);
        for (int n : new int[] {0, 1, 7, 8, 9, 17, 33, 100}) {
            float[] x = new float[n + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = (random.nextFloat() - 0.5f) * 12f;
            }
            float[] y = new float[n + 1];
            float[] slope = new float[n + 2];
            kernels.gelu(x, 3, y, 1, slope, 2, n);
            float[] values = new float[n];
            kernels.gelu(x, 3, values, 0, null, 0, n);
            float[] inPlace = x.clone();
            kernels.gelu(inPlace, 3, inPlace, 3, null, 0, n);
            for (int i = 0; i < n; i++) {
                float[] one = new float[1];
                float[] oneSlope = new float[1];
                kernels.gelu(x, 3 + i, one, 0, oneSlope, 0, 1);
                assertThat(Float.floatToRawIntBits(y[1 + i])).as("n=%d, element %d", n, i)
                        .isEqualTo(Float.floatToRawIntBits(one[0]))
                        .isEqualTo(Float.floatToRawIntBits(values[i]))
                        .isEqualTo(Float.floatToRawIntBits(inPlace[3 + i]));
                assertThat(Float.floatToRawIntBits(slope[2 + i])).isEqualTo(Float.floatToRawIntBits(oneSlope[0]));
            }
            assertThat(y[0]).isZero();
            assertThat(slope[0]).isZero();
            assertThat(slope[1]).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void farTailsSaturateAndNaNPropagates(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        float[] x = {20f, -20f, 1e30f, -1e30f, Float.NaN, Float.POSITIVE_INFINITY, 0f, -0f, 1f};
        float[] y = new float[x.length];
        float[] slope = new float[x.length];
        kernels.gelu(x, 0, y, 0, slope, 0, x.length);
        assertThat(y[0]).isEqualTo(20f);
        assertThat(slope[0]).isEqualTo(1f);
        assertThat(Math.abs(y[1])).isZero();
        assertThat(Math.abs(slope[1])).isZero();
        assertThat(y[2]).isEqualTo(1e30f);
        assertThat(Math.abs(y[3])).isZero();
        assertThat(y[4]).isNaN();
        assertThat(slope[4]).isNaN();
        assertThat(y[5]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(Math.abs(y[6])).isZero();
        assertThat(slope[6]).isEqualTo(0.5f);
        assertThat(Math.abs(y[7])).isZero();
        assertThat(slope[7]).isEqualTo(0.5f);
    }

    @Test
    void scalarAndVectorKernelsGiveTheSameBits() {
        // Bitwise: a vector exponential rounds differently once C2 compiles it, and a model must give
        // the same numbers before and after warm-up.
        assumeTrue(KernelImplementations.vectorModulePresent(), "jdk.incubator.vector is not in the boot layer");
        float[] x = grid();
        float[] scalarY = new float[x.length];
        float[] scalarSlope = new float[x.length];
        float[] vectorY = new float[x.length];
        float[] vectorSlope = new float[x.length];
        new ScalarKernels().gelu(x, 0, scalarY, 0, scalarSlope, 0, x.length);
        new VectorKernels().gelu(x, 0, vectorY, 0, vectorSlope, 0, x.length);
        assertThat(vectorY).containsExactly(scalarY);
        assertThat(vectorSlope).containsExactly(scalarSlope);
    }
}
