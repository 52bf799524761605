package dev.grove.neural.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every optimizer shares: frozen parameters, and checkpoints that resume bit for bit. */
class OptimizerStateTest {

    static Stream<OptimizerSpec> everyOptimizer() {
        return Stream.of(
                new Sgd(SgdParams.defaults()),
                new Sgd(new SgdParams(0.1, 0.9, true, 0.01)),
                new Adam(new AdamParams(0.1, 0.9, 0.999, 1e-8, 0.01)),
                new Adam(AdamWParams.defaults()),
                new RmsProp(new RmsPropParams(0.01, 0.9, 1e-8, 0.5, true, 0.01)),
                new Adadelta(AdadeltaParams.defaults()));
    }

    /** Three parameters of different shapes, with values that differ per parameter. */
    private static List<Parameter> parameters() {
        return List.of(
                new Parameter("weight", Tensor.of(new float[][] {{0.5f, -1f, 2f}, {1.5f, 0.25f, -0.75f}})),
                new Parameter("bias", Tensor.of(new float[] {0.1f, -0.2f})),
                new Parameter("scale", Tensor.of(new float[] {1f, 2f, 3f})));
    }

    /** A gradient for each parameter and step that differs from step to step. */
    private static void setGradients(List<Parameter> parameters, int step) {
        for (int p = 0; p < parameters.size(); p++) {
            Tensor value = parameters.get(p).value();
            float[] gradient = new float[value.size()];
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = (float) Math.sin(1 + step * 0.7 + p * 1.3 + i * 0.4);
            }
            value.zeroGrad();
            value.mul(Tensor.of(gradient, value.shape())).sum().backward();
        }
    }

    private static void run(Optimizer optimizer, int from, int to) {
        for (int step = from; step < to; step++) {
            setGradients(optimizer.parameters(), step);
            optimizer.step(0.05f);
        }
    }

    private static List<Parameter> copies(List<Parameter> parameters) {
        List<Parameter> copies = new ArrayList<>();
        for (Parameter parameter : parameters) {
            copies.add(new Parameter(parameter.name(), parameter.value().copy()));
        }
        return copies;
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
    @MethodSource("everyOptimizer")
    void frozenParametersAndThoseWithoutGradientStayBitwiseUnchanged(OptimizerSpec spec) {
        List<Parameter> parameters = parameters();
        parameters.get(0).setFrozen(true);
        int[] frozenBefore = bits(parameters.get(0).value());
        int[] withoutGradientBefore = bits(parameters.get(1).value());
        int[] trainedBefore = bits(parameters.get(2).value());
        Optimizer optimizer = spec.create(parameters);
        for (int step = 0; step < 3; step++) {
            setGradients(parameters, step);
            parameters.get(1).value().zeroGrad();
            optimizer.step(0.05f);
        }
        assertThat(bits(parameters.get(0).value())).isEqualTo(frozenBefore);
        assertThat(bits(parameters.get(1).value())).isEqualTo(withoutGradientBefore);
        assertThat(bits(parameters.get(2).value())).isNotEqualTo(trainedBefore);
        assertThat(optimizer.state().keySet()).allMatch(key -> key.startsWith("2."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOptimizer")
    void aRestoredStateContinuesBitForBit(OptimizerSpec spec) {
        List<Parameter> uninterrupted = parameters();
        Optimizer optimizer = spec.create(uninterrupted);
        run(optimizer, 0, 3);
        Map<String, Tensor> snapshot = optimizer.state();
        List<Parameter> resumed = copies(uninterrupted);
        run(optimizer, 3, 5);

        Optimizer restored = spec.create(resumed);
        restored.restore(snapshot);
        run(restored, 3, 5);
        for (int p = 0; p < uninterrupted.size(); p++) {
            assertThat(bits(resumed.get(p).value())).as("parameter %d", p).isEqualTo(bits(uninterrupted.get(p).value()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOptimizer")
    void stateKeysNameTheParameterIndexAndTheBuffer(OptimizerSpec spec) {
        Optimizer optimizer = spec.create(parameters());
        assertThat(optimizer.state()).isEmpty();
        run(optimizer, 0, 2);
        for (Map.Entry<String, Tensor> entry : optimizer.state().entrySet()) {
            String key = entry.getKey();
            int index = Integer.parseInt(key.substring(0, key.indexOf('.')));
            if (key.endsWith(".step")) {
                assertThat(entry.getValue().toFloatArray()).as(key).containsExactly(2f);
            } else {
                assertThat(entry.getValue().shape()).as(key).isEqualTo(optimizer.parameters().get(index).value().shape());
            }
        }
    }

    @Test
    void adamStateHoldsBothMomentsAndTheStepCountOfEveryParameter() {
        Optimizer optimizer = new Adam(AdamParams.defaults()).create(parameters());
        run(optimizer, 0, 1);
        assertThat(optimizer.state().keySet()).containsExactly(
                "0.exp_avg", "0.exp_avg_sq", "0.step", "1.exp_avg", "1.exp_avg_sq", "1.step",
                "2.exp_avg", "2.exp_avg_sq", "2.step");
    }

    @Test
    void withoutTheRestoredStateTheRunWouldDiffer() {
        // Shows that the bit-for-bit test above depends on the state: a fresh Adam restarts its bias correction.
        OptimizerSpec spec = new Adam(AdamParams.defaults());
        List<Parameter> uninterrupted = parameters();
        Optimizer optimizer = spec.create(uninterrupted);
        run(optimizer, 0, 3);
        List<Parameter> restarted = copies(uninterrupted);
        run(optimizer, 3, 5);
        run(spec.create(restarted), 3, 5);
        assertThat(bits(restarted.get(0).value())).isNotEqualTo(bits(uninterrupted.get(0).value()));
    }

    @Test
    void badStatesAreRejectedAndLeaveTheOptimizerAsItWas() {
        Optimizer optimizer = new Adam(AdamParams.defaults()).create(parameters());
        run(optimizer, 0, 2);
        Map<String, Tensor> good = optimizer.state();

        Map<String, Tensor> unknown = new HashMap<>(good);
        unknown.put("0.momentum_buffer", Tensor.zeros(2, 3));
        assertThatThrownBy(() -> optimizer.restore(unknown)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("adam: unknown state entry '0.momentum_buffer'").hasMessageContaining("exp_avg_sq");

        Map<String, Tensor> outOfRange = new HashMap<>(good);
        outOfRange.put("3.exp_avg", Tensor.zeros(3));
        assertThatThrownBy(() -> optimizer.restore(outOfRange)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'3.exp_avg'");

        Map<String, Tensor> wrongShape = new HashMap<>(good);
        wrongShape.put("1.exp_avg", Tensor.zeros(3));
        assertThatThrownBy(() -> optimizer.restore(wrongShape)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'1.exp_avg' has shape [3]").hasMessageContaining("parameter 1 (bias) has shape [2]");

        Map<String, Tensor> missing = new LinkedHashMap<>(good);
        missing.remove("2.exp_avg_sq");
        assertThatThrownBy(() -> optimizer.restore(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("misses '2.exp_avg_sq'");

        Map<String, Tensor> badStep = new HashMap<>(good);
        badStep.put("0.step", Tensor.of(new float[] {1.5f}));
        assertThatThrownBy(() -> optimizer.restore(badStep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'0.step'").hasMessageContaining("whole number");

        Map<String, Tensor> after = optimizer.state();
        assertThat(after.keySet()).isEqualTo(good.keySet());
        for (String key : good.keySet()) {
            assertThat(bits(after.get(key))).as(key).isEqualTo(bits(good.get(key)));
        }
    }

    @Test
    void plainSgdKeepsNoState() {
        Optimizer optimizer = new Sgd(SgdParams.defaults()).create(parameters());
        run(optimizer, 0, 2);
        assertThat(optimizer.state()).isEmpty();
        assertThatThrownBy(() -> optimizer.restore(Map.of("0.momentum_buffer", Tensor.zeros(2, 3))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keeps no state");
    }
}
