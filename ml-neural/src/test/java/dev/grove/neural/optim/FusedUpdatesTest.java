package dev.grove.neural.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused single-pass updates against the same rules written as tensor ops, one op per term, bit
 * for bit, on a parameter of a full chunk and a partial one, so that a chunk boundary is crossed;
 * and the results' independence of the thread count.
 */
class FusedUpdatesTest {

    /** A full chunk and a partial one. */
    private static final int LARGE = Chunks.SIZE + 1234;

    private static final int STEPS = 4;

    /** One step of a rule on one parameter, written as tensor ops; {@code state} holds its buffers in state order. */
    private interface TensorRule {
        void step(Tensor value, Tensor gradient, Tensor[] state, long step, float learningRate);
    }

    static Stream<Arguments> everyConfiguration() {
        List<Arguments> all = new ArrayList<>();
        for (double decay : new double[] {0, 0.05}) {
            String withDecay = ", weight decay " + decay;
            all.add(Arguments.of("sgd" + withDecay, new Sgd(new SgdParams(0.1, 0, false, decay)), 0, sgd(0, false, decay)));
            all.add(Arguments.of("sgd, momentum" + withDecay, new Sgd(new SgdParams(0.1, 0.9, false, decay)), 1,
                    sgd(0.9, false, decay)));
            all.add(Arguments.of("sgd, nesterov" + withDecay, new Sgd(new SgdParams(0.1, 0.9, true, decay)), 1,
                    sgd(0.9, true, decay)));
            all.add(Arguments.of("adam" + withDecay, new Adam(new AdamParams(0.01, 0.8, 0.95, 1e-3, decay)), 2,
                    adam(0.8, 0.95, 1e-3, decay, false)));
            all.add(Arguments.of("adamw" + withDecay, new Adam(new AdamWParams(0.01, 0.8, 0.95, 1e-3, decay)), 2,
                    adam(0.8, 0.95, 1e-3, decay, true)));
            for (boolean centered : new boolean[] {false, true}) {
                for (double momentum : new double[] {0, 0.5}) {
                    all.add(Arguments.of("rmsprop, momentum " + momentum + ", centered " + centered + withDecay,
                            new RmsProp(new RmsPropParams(0.01, 0.9, 1e-3, momentum, centered, decay)),
                            1 + (momentum > 0 ? 1 : 0) + (centered ? 1 : 0), rmsProp(0.9, 1e-3, momentum, centered, decay)));
                }
            }
            all.add(Arguments.of("adadelta" + withDecay, new Adadelta(new AdadeltaParams(1.0, 0.9, 1e-3, decay)), 2,
                    adadelta(0.9, 1e-3, decay)));
        }
        return all.stream();
    }

    private static TensorRule sgd(double momentum, boolean nesterov, double weightDecay) {
        float mu = (float) momentum;
        float lambda = (float) weightDecay;
        return (value, gradient, state, step, lr) -> {
            if (mu == 0) {
                if (lambda != 0) {
                    value.addInPlace(value, -lr * lambda);
                }
                value.addInPlace(gradient, -lr);
                return;
            }
            Tensor buffer = state[0].mulInPlace(mu).addInPlace(gradient, 1f);
            if (lambda != 0) {
                buffer.addInPlace(value, lambda);
            }
            if (nesterov) {
                if (lambda != 0) {
                    value.addInPlace(value, -lr * lambda);
                }
                value.addInPlace(gradient, -lr).addInPlace(buffer, -lr * mu);
            } else {
                value.addInPlace(buffer, -lr);
            }
        };
    }

    private static TensorRule adam(double beta1, double beta2, double eps, double weightDecay, boolean decoupled) {
        return (value, gradient, state, step, lr) -> {
            Tensor g = gradient;
            if (weightDecay != 0) {
                if (decoupled) {
                    value.mulInPlace((float) (1 - lr * weightDecay));
                } else {
                    g = gradient.copy().addInPlace(value, (float) weightDecay);
                }
            }
            state[0].mulInPlace((float) beta1).addInPlace(g, (float) (1 - beta1));
            state[1].mulInPlace((float) beta2).addInPlace(g.mul(g), (float) (1 - beta2));
            double correction1 = 1 - Math.pow(beta1, step);
            double correction2 = 1 - Math.pow(beta2, step);
            Tensor denominator = state[1].sqrt().mulInPlace((float) (1 / Math.sqrt(correction2))).add((float) eps);
            value.addInPlace(state[0].div(denominator), (float) (-lr / correction1));
        };
    }

    private static TensorRule rmsProp(double alpha, double eps, double momentum, boolean centered, double weightDecay) {
        float a = (float) alpha;
        float complement = (float) (1 - alpha);
        return (value, gradient, state, step, lr) -> {
            Tensor g = weightDecay == 0 ? gradient : gradient.copy().addInPlace(value, (float) weightDecay);
            Tensor meanSquare = state[0].mulInPlace(a).addInPlace(g.mul(g), complement);
            Tensor root = meanSquare.sqrt();
            if (centered) {
                Tensor mean = state[state.length - 1].mulInPlace(a).addInPlace(g, complement);
                root = meanSquare.sub(mean.mul(mean)).sqrt();
            }
            Tensor scaled = g.div(root.add((float) eps));
            if (momentum > 0) {
                value.addInPlace(state[1].mulInPlace((float) momentum).addInPlace(scaled, 1f), -lr);
            } else {
                value.addInPlace(scaled, -lr);
            }
        };
    }

    private static TensorRule adadelta(double rho, double eps, double weightDecay) {
        float r = (float) rho;
        float complement = (float) (1 - rho);
        return (value, gradient, state, step, lr) -> {
            Tensor g = weightDecay == 0 ? gradient : gradient.copy().addInPlace(value, (float) weightDecay);
            Tensor meanSquare = state[0].mulInPlace(r).addInPlace(g.mul(g), complement);
            Tensor delta = state[1].add((float) eps).sqrt().div(meanSquare.add((float) eps).sqrt()).mul(g);
            state[1].mulInPlace(r).addInPlace(delta.mul(delta), complement);
            value.addInPlace(delta, -lr);
        };
    }

    private static float[] random(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private static List<Parameter> parameters() {
        Random random = new Random(11);
        return List.of(new Parameter("large", Tensor.of(random(random, LARGE))),
                new Parameter("small", Tensor.of(random(random, 5))));
    }

    /** The gradients of one step, the same for every run. */
    private static List<Tensor> gradients(int step) {
        Random random = new Random(100 + step);
        return List.of(Tensor.of(random(random, LARGE)), Tensor.of(random(random, 5)));
    }

    private static void setGradients(List<Parameter> parameters, int step) {
        List<Tensor> gradients = gradients(step);
        for (int p = 0; p < parameters.size(); p++) {
            parameters.get(p).value().zeroGrad();
            parameters.get(p).value().mul(gradients.get(p)).sum().backward();
        }
    }

    private static float rate(int step) {
        return 0.01f * (1 + step);
    }

    private static List<Parameter> run(OptimizerSpec spec) {
        List<Parameter> parameters = parameters();
        Optimizer optimizer = spec.create(parameters);
        for (int step = 0; step < STEPS; step++) {
            setGradients(parameters, step);
            optimizer.step(rate(step));
        }
        return parameters;
    }

    private static int[] bits(Tensor tensor) {
        float[] values = tensor.toFloatArray();
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyConfiguration")
    void theFusedPassEqualsTheRuleAsTensorOpsBitForBit(String name, OptimizerSpec spec, int bufferCount, TensorRule rule) {
        List<Parameter> fused = parameters();
        Optimizer optimizer = spec.create(fused);
        List<Parameter> unfused = parameters();
        Tensor[][] buffers = new Tensor[unfused.size()][bufferCount];
        for (int p = 0; p < unfused.size(); p++) {
            for (int b = 0; b < bufferCount; b++) {
                buffers[p][b] = Tensor.zeros(unfused.get(p).value().shape());
            }
        }
        for (int step = 0; step < STEPS; step++) {
            setGradients(fused, step);
            optimizer.step(rate(step));
            List<Tensor> gradients = gradients(step);
            try (var noGrad = Grad.off()) {
                for (int p = 0; p < unfused.size(); p++) {
                    rule.step(unfused.get(p).value(), gradients.get(p), buffers[p], step + 1, rate(step));
                }
            }
        }
        Map<String, Tensor> state = optimizer.state();
        for (int p = 0; p < fused.size(); p++) {
            assertThat(bits(fused.get(p).value())).as("parameter %d", p).isEqualTo(bits(unfused.get(p).value()));
            int buffer = 0;
            for (Map.Entry<String, Tensor> entry : state.entrySet()) {
                if (entry.getKey().startsWith(p + ".") && !entry.getKey().endsWith(".step")) {
                    assertThat(bits(entry.getValue())).as(entry.getKey()).isEqualTo(bits(buffers[p][buffer++]));
                }
            }
            assertThat(buffer).as("buffers of parameter %d", p).isEqualTo(bufferCount);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.grove.neural.optim.OptimizerStateTest#everyOptimizer")
    void resultsDoNotDependOnTheThreadCount(OptimizerSpec spec) {
        int before = ThreadBudget.get();
        try {
            ThreadBudget.set(1);
            List<Parameter> single = run(spec);
            ThreadBudget.set(3);
            List<Parameter> several = run(spec);
            for (int p = 0; p < single.size(); p++) {
                assertThat(bits(several.get(p).value())).as("parameter %d", p).isEqualTo(bits(single.get(p).value()));
            }
        } finally {
            ThreadBudget.set(before);
        }
    }

    @Test
    void clippingByNormOfLargeGradientsIsTheDoubleSumAndDoesNotDependOnTheThreadCount() {
        int before = ThreadBudget.get();
        try {
            ThreadBudget.set(1);
            List<Parameter> single = parameters();
            setGradients(single, 0);
            double singleNorm = GradientClipping.byNorm(single, 1.0);
            ThreadBudget.set(3);
            List<Parameter> several = parameters();
            setGradients(several, 0);
            double severalNorm = GradientClipping.byNorm(several, 1.0);

            assertThat(Double.doubleToRawLongBits(severalNorm)).isEqualTo(Double.doubleToRawLongBits(singleNorm));
            double squares = 0;
            for (Tensor gradient : gradients(0)) {
                for (float value : gradient.toFloatArray()) {
                    squares += (double) value * value;
                }
            }
            double norm = Math.sqrt(squares);
            assertThat(singleNorm).isCloseTo(norm, within(1e-12 * norm));
            List<Tensor> gradients = gradients(0);
            for (int p = 0; p < single.size(); p++) {
                Tensor expected = gradients.get(p).mul((float) (1.0 / (singleNorm + 1e-6)));
                assertThat(bits(single.get(p).value().grad())).as("parameter %d", p).isEqualTo(bits(expected));
                assertThat(bits(several.get(p).value().grad())).as("parameter %d", p).isEqualTo(bits(expected));
            }
        } finally {
            ThreadBudget.set(before);
        }
    }

    @Test
    void clippingByValueEqualsTensorClampOnSpecialValuesBitForBit() {
        float[] special = {Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
            -Float.MIN_VALUE, 1f, -1f, 0.5f, -0.5f, Float.MAX_VALUE, -Float.MAX_VALUE};
        float[] values = new float[LARGE];
        Random random = new Random(5);
        for (int i = 0; i < values.length; i++) {
            values[i] = i < special.length ? special[i] : (float) random.nextGaussian();
        }
        // 1e-50 becomes 0f and 1e39 becomes infinity: the bounds ±0 and ±∞ are clamped to as well.
        for (double limit : new double[] {0.5, 1e-50, 1e39}) {
            Parameter parameter = new Parameter("p", Tensor.zeros(LARGE));
            parameter.value().mul(Tensor.of(values)).sum().backward();
            GradientClipping.byValue(List.of(parameter), limit);
            Tensor expected = Tensor.of(values).clamp(-(float) limit, (float) limit);
            assertThat(bits(parameter.value().grad())).as("limit %s", limit).isEqualTo(bits(expected));
        }
    }
}
