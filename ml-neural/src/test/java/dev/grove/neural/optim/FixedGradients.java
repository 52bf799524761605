package dev.grove.neural.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * The fixture the optimizer tests share: a three-value parameter, a fixed gradient per step (set
 * through autograd, as training sets them), and a comparison of float results with double hand
 * computations.
 */
final class FixedGradients {

    /** The starting weights; dyadic, so float and double hold them exactly. */
    static final double[] START = {1.0, -2.0, 0.5};

    /** The gradient of steps 1, 2 and 3 (then repeating). */
    static final double[][] GRADIENTS = {{0.5, -1.0, 2.0}, {-0.25, 0.75, 1.5}, {1.25, -0.375, -0.625}};

    private FixedGradients() {
    }

    /** A fresh parameter holding {@link #START}. */
    static Parameter parameter() {
        return new Parameter("weight", Tensor.of(floats(START)));
    }

    /** Sets {@code parameter}'s gradient to {@code gradient} by back-propagating Σ w·gradient. */
    static void setGradient(Parameter parameter, double[] gradient) {
        parameter.value().zeroGrad();
        parameter.value().mul(Tensor.of(floats(gradient), parameter.value().shape())).sum().backward();
    }

    /** Takes steps {@code from}, …, {@code to − 1} (from 0) of the fixed gradients at {@code rate}. */
    static void run(Optimizer optimizer, int from, int to, float rate) {
        for (int step = from; step < to; step++) {
            for (Parameter parameter : optimizer.parameters()) {
                setGradient(parameter, GRADIENTS[step % GRADIENTS.length]);
            }
            optimizer.step(rate);
        }
    }

    /** Asserts the parameter equals the hand computation to float accuracy. */
    static void assertWeights(Parameter parameter, double[] expected, String what) {
        float[] actual = parameter.value().toFloatArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("%s, weight %d", what, i)
                    .isCloseTo(expected[i], within(1e-6 + 1e-6 * Math.abs(expected[i])));
        }
    }

    /**
     * Takes three steps with {@code spec} at {@code rate} and checks the weights after each against
     * {@code hand}, which gives the weights after steps 1, 2 and 3.
     */
    static void assertFirstThreeSteps(OptimizerSpec spec, float rate, double[][] hand) {
        Parameter parameter = parameter();
        Optimizer optimizer = spec.create(List.of(parameter));
        for (int step = 0; step < 3; step++) {
            run(optimizer, step, step + 1, rate);
            assertWeights(parameter, hand[step], spec.kind() + " step " + (step + 1));
        }
    }

    /** The values as floats. */
    static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
