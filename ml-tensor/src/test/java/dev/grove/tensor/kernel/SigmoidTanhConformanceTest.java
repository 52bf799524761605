package dev.grove.tensor.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sigmoid and tanh kernels of every implementation against float64 {@code Math.exp} and
 * {@code Math.tanh}, to the accuracy {@link Kernels#sigmoid} and {@link Kernels#tanh} document, on a
 * grid from -20 to 20 (odd length, so vector implementations also run a tail) plus the far tails.
 */
class SigmoidTanhConformanceTest {

    private static final double TOLERANCE = 1e-6;

    private static float[] grid() {
        float[] x = new float[40 * 64 + 1];
        for (int i = 0; i < x.length; i++) {
            x[i] = -20f + i / 64f;
        }
        x[x.length / 2 + 1] = 1e-6f;
        x[x.length / 2 - 1] = -3e-5f;
        return x;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void sigmoidMatchesTheFloat64Definition(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        float[] x = grid();
        float[] out = new float[x.length + 2];
        kernels.sigmoid(x, 0, out, 2, x.length);
        for (int i = 0; i < x.length; i++) {
            double want = 1 / (1 + Math.exp(-(double) x[i]));
            assertThat((double) out[2 + i]).as("sigmoid(%s)", x[i]).isCloseTo(want, within(TOLERANCE * want));
        }
        float[] far = {200f, -200f, Float.NaN};
        kernels.sigmoid(far, 0, far, 0, far.length);
        assertThat(far).containsExactly(1f, 0f, Float.NaN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void tanhMatchesTheFloat64DefinitionAlsoNearZero(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        float[] x = grid();
        float[] out = new float[x.length + 1];
        kernels.tanh(x, 0, out, 1, x.length);
        for (int i = 0; i < x.length; i++) {
            double want = Math.tanh(x[i]);
            assertThat((double) out[1 + i]).as("tanh(%s)", x[i]).isCloseTo(want, within(TOLERANCE * Math.abs(want)));
        }
        float[] far = {200f, -200f, Float.NaN};
        kernels.tanh(far, 0, far, 0, far.length);
        assertThat(far).containsExactly(1f, -1f, Float.NaN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.tensor.kernel.KernelImplementations#all")
    void tailElementsGetTheSameBitsAsElementsInsideAVector(Supplier<Kernels> implementation) {
        Kernels kernels = implementation.get();
        float[] x = grid();
        float[] sigmoid = new float[x.length];
        float[] tanh = new float[x.length];
        kernels.sigmoid(x, 0, sigmoid, 0, x.length);
        kernels.tanh(x, 0, tanh, 0, x.length);
        float[] one = new float[1];
        for (int i = 0; i < x.length; i += 7) {
            kernels.sigmoid(x, i, one, 0, 1);
            assertThat(one[0]).as("sigmoid(%s) alone", x[i]).isEqualTo(sigmoid[i]);
            kernels.tanh(x, i, one, 0, 1);
            assertThat(one[0]).as("tanh(%s) alone", x[i]).isEqualTo(tanh[i]);
        }
    }
}
