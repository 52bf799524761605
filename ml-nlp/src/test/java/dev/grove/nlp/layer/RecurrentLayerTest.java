package dev.grove.nlp.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerGradientCheck;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.ThreadBudget;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** rnn, lstm and gru: gradient checks, agreement with a plain-op reference, values, sizes and errors. */
class RecurrentLayerTest {

    private static final String[] PARAMETERS = {"weight-ih", "weight-hh", "bias-ih", "bias-hh"};

    private static Layer build(String kind, RecurrentParams params, int steps, int features) {
        return new RecurrentSpec(kind, params).build(new int[] {steps, features}, new Rng(17));
    }

    /** Inputs spread over [-0.47, 0.47]: distinct, and small enough that no gate saturates. */
    private static Tensor input(long seed, int... shape) {
        return GradientCheck.spread(seed, shape).mul(0.25f);
    }

    static Stream<Arguments> kindsAndOutputs() {
        return Stream.of("rnn", "lstm", "gru").flatMap(kind -> Stream.of(Arguments.of(kind, true), Arguments.of(kind, false)));
    }

    static Stream<Arguments> kindsOutputsAndTruncation() {
        return kindsAndOutputs().flatMap(a -> Stream.of(0, 2, 3).map(k -> Arguments.of(a.get()[0], a.get()[1], k)));
    }

    @ParameterizedTest(name = "{0}, return-sequences {1}")
    @MethodSource("kindsAndOutputs")
    void fullBackpropagationThroughTimePassesTheGradientCheck(String kind, boolean returnSequences) {
        Layer layer = build(kind, new RecurrentParams(3, returnSequences, 0), 4, 3);
        Tensor x = input(1, 2, 4, 3);
        GradientCheck.Result result = LayerGradientCheck.standard().check(layer, x, Pass::inference);
        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(x.size() + Layers.parameterCount(layer));
    }

    @ParameterizedTest(name = "{0}, return-sequences {1}, truncate {2}")
    @MethodSource("kindsOutputsAndTruncation")
    void valuesAndGradientsEqualTheReferenceBuiltFromTensorOps(String kind, boolean returnSequences, int truncate) {
        Layer layer = build(kind, new RecurrentParams(4, returnSequences, truncate), 7, 3);
        Map<String, Parameter> parameters = Layers.parameters(layer);
        Tensor x = input(2, 2, 7, 3).requiresGrad(true);
        Tensor out = layer.forward(x, Pass.inference());
        Tensor weights = Tensor.uniform(new Rng(5), 0.5f, 1.5f, out.shape());
        out.mul(weights).sum().backward();

        Tensor xRef = x.detach().copy().requiresGrad(true);
        Tensor[] reference = new Tensor[PARAMETERS.length];
        for (int p = 0; p < PARAMETERS.length; p++) {
            reference[p] = parameters.get(PARAMETERS[p]).value().detach().copy().requiresGrad(true);
        }
        Tensor outRef = ReferenceRecurrence.run(kind, xRef, reference[0], reference[1], reference[2], reference[3],
                returnSequences, truncate);
        outRef.mul(weights).sum().backward();

        assertThat(out.shape()).containsExactly(outRef.shape());
        assertClose("output", out, outRef);
        assertClose("input gradient", x.grad(), xRef.grad());
        for (int p = 0; p < PARAMETERS.length; p++) {
            assertClose(PARAMETERS[p] + " gradient", parameters.get(PARAMETERS[p]).value().grad(), reference[p].grad());
        }
    }

    private static void assertClose(String what, Tensor actual, Tensor expected) {
        float[] a = actual.toFloatArray();
        float[] e = expected.toFloatArray();
        assertThat(a).as(what).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("%s[%d]", what, i).isCloseTo(e[i], within(1e-5f + 1e-4f * Math.abs(e[i])));
        }
    }

    @Test
    void truncationChangesTheGradientOnlyBeyondKSteps() {
        Layer full = build("lstm", new RecurrentParams(3, false, 0), 6, 2);
        Layer truncated = build("lstm", new RecurrentParams(3, false, 2), 6, 2);
        Tensor x1 = input(3, 1, 6, 2).requiresGrad(true);
        Tensor x2 = x1.detach().copy().requiresGrad(true);
        full.forward(x1, Pass.inference()).sum().backward();
        truncated.forward(x2, Pass.inference()).sum().backward();
        float[] g1 = x1.grad().toFloatArray();
        float[] g2 = x2.grad().toFloatArray();
        // The loss reads the last step (5), in the chunk of steps 4 and 5: those inputs get the full
        // gradient, earlier ones none at all.
        for (int i = 0; i < 12; i++) {
            if (i >= 8) {
                assertThat(g2[i]).isCloseTo(g1[i], within(1e-6f));
                assertThat(g1[i]).isNotZero();
            } else {
                assertThat(g2[i]).isZero();
            }
        }
    }

    @Test
    void anLstmOfOneUnitOverTwoStepsMatchesTheHandComputation() {
        Layer lstm = build("lstm", RecurrentParams.of(1), 2, 1);
        Map<String, Parameter> p = Layers.parameters(lstm);
        // gates i, f, g, o
        p.get("weight-ih").assign(new float[] {0.5f, -0.5f, 1.0f, 0.25f});
        p.get("weight-hh").assign(new float[] {0.1f, 0.2f, -0.3f, 0.4f});
        p.get("bias-ih").assign(new float[] {0f, 0.1f, -0.1f, 0f});
        p.get("bias-hh").assign(new float[] {0.05f, 0.1f, 0f, -0.05f});

        float[] h = lstm.forward(Tensor.of(new float[] {1f, -2f}, 1, 2, 1), Pass.inference()).toFloatArray();

        // Step 1, x = 1, h0 = c0 = 0: pre-activations i 0.55, f -0.3, g 0.9, o 0.2;
        // c1 = σ(-0.3)·0 + σ(0.55)·tanh(0.9) = 0.634136 · 0.716298 = 0.454230; h1 = σ(0.2)·tanh(c1) = 0.549834 · 0.425369.
        double c1 = sigmoid(0.55) * Math.tanh(0.9);
        double h1 = sigmoid(0.2) * Math.tanh(c1);
        // Step 2, x = -2: pre-activation = w_ih·x + b_ih + w_hh·h1 + b_hh per gate.
        double i2 = sigmoid(-1.0 + 0.05 + 0.1 * h1);
        double f2 = sigmoid(1.0 + 0.2 + 0.2 * h1);
        double g2 = Math.tanh(-2.0 - 0.1 - 0.3 * h1);
        double o2 = sigmoid(-0.5 - 0.05 + 0.4 * h1);
        double c2 = f2 * c1 + i2 * g2;
        double h2 = o2 * Math.tanh(c2);
        assertThat(h1).isCloseTo(0.2338828, within(1e-6));
        assertThat(h2).isCloseTo(0.0296126, within(1e-6));
        assertThat(h).containsExactly(new float[] {(float) h1, (float) h2}, within(1e-6f));
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    @Test
    void parameterCountsEqualPyTorchs() {
        // PyTorch: gates·H·(E + H) + 2·gates·H, e.g. nn.LSTM(64, 256) has 329,728 parameters.
        assertThat(Layers.parameterCount(build("lstm", RecurrentParams.of(256), 64, 64))).isEqualTo(329_728);
        assertThat(Layers.parameterCount(build("gru", RecurrentParams.of(256), 64, 64))).isEqualTo(247_296);
        assertThat(Layers.parameterCount(build("rnn", RecurrentParams.of(256), 64, 64))).isEqualTo(82_432);
        Layer lstm = build("lstm", RecurrentParams.of(8), 5, 3);
        assertThat(Layers.parameters(lstm).get("weight-ih").value().shape()).containsExactly(32, 3);
        assertThat(Layers.parameters(lstm).get("weight-hh").value().shape()).containsExactly(32, 8);
        float bound = (float) (1 / Math.sqrt(8));
        for (Parameter parameter : lstm.parameters()) {
            for (float value : parameter.value().toFloatArray()) {
                assertThat(Math.abs(value)).as(parameter.name()).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void outputShapesFollowReturnSequences() {
        assertThat(build("gru", new RecurrentParams(6, true, 0), 5, 3).outputShape()).containsExactly(5, 6);
        assertThat(build("gru", new RecurrentParams(6, false, 0), 5, 3).outputShape()).containsExactly(6);
        assertThat(build("rnn", new RecurrentParams(6, false, 0), 5, 3).forward(Tensor.zeros(2, 5, 3), Pass.inference())
                .shape()).containsExactly(2, 6);
    }

    @Test
    void resultsDoNotDependOnTheThreadBudget() {
        int before = ThreadBudget.get();
        try {
            float[][] runs = new float[2][];
            float[][] grads = new float[2][];
            for (int threads = 1; threads <= 2; threads++) {
                ThreadBudget.set(threads);
                Layer layer = build("lstm", RecurrentParams.of(16), 9, 5);
                Tensor x = input(4, 20, 9, 5).requiresGrad(true);
                Tensor out = layer.forward(x, Pass.inference());
                out.sum().backward();
                runs[threads - 1] = out.toFloatArray();
                grads[threads - 1] = Layers.parameters(layer).get("weight-hh").value().grad().toFloatArray();
            }
            assertThat(runs[1]).containsExactly(runs[0]);
            assertThat(grads[1]).containsExactly(grads[0]);
        } finally {
            ThreadBudget.set(before);
        }
    }

    @Test
    void badShapesAreNamed() {
        assertThatThrownBy(() -> new RecurrentSpec("lstm", RecurrentParams.of(4)).build(new int[] {784}, new Rng(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lstm needs [steps, features] input, got [784]; put an embedding before it for [steps] token ids");
        Layer gru = build("gru", RecurrentParams.of(4), 5, 3);
        assertThatThrownBy(() -> gru.forward(Tensor.zeros(2, 5, 4), Pass.inference()))
                .hasMessage("gru was built for input [batch, 5, 3], got a tensor of shape [2, 5, 4]");
        assertThatThrownBy(() -> RecurrentParams.of(0)).hasMessage("units must be >= 1, got 0");
        assertThatThrownBy(() -> new RecurrentParams(4, true, -1)).hasMessage("truncate must be >= 0, got -1");
        assertThatThrownBy(() -> new RecurrentSpec("elman", RecurrentParams.of(4)))
                .hasMessage("recurrent layer kind must be rnn, lstm or gru, got 'elman'");
    }
}
