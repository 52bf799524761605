package dev.grove.nlp.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Map;

/**
 * Finite-difference gradient checks of a built layer, as ml-neural's layer tests do them: the input
 * through {@link GradientCheck}, the parameters (leaves the layer owns) by the same method here —
 * the gradient of sum(f · r), r fixed in [0.5, 1.5), against central differences with step 1e-2,
 * passing when |analytic − numeric| ≤ 2e-3 + 2e-2·|numeric| (float32 throughout).
 */
final class SequenceGradients {

    private static final float STEP = 1e-2f;
    private static final double RELATIVE = 2e-2;
    private static final double ABSOLUTE = 2e-3;

    private SequenceGradients() {
    }

    /** Checks the gradients with respect to the input and to every parameter of {@code layer}. */
    static void check(Layer layer, Tensor input) {
        GradientCheck.Result result = GradientCheck.standard().check(args -> layer.forward(args[0], Pass.inference()), input);
        assertThat(result.passed()).as(layer.kind() + " input gradient: " + result.failure()).isTrue();
        checkParameters(layer, input);
    }

    /** Checks the gradients with respect to every parameter of {@code layer} (for inputs without a gradient: token ids). */
    static void checkParameters(Layer layer, Tensor input) {
        Map<String, Parameter> parameters = Layers.parameters(layer);
        assertThat(parameters).as("parameters of " + layer.kind()).isNotEmpty();
        parameters.values().forEach(p -> p.value().zeroGrad());
        Tensor out = layer.forward(input, Pass.inference());
        Tensor weights = Tensor.uniform(new Rng(99), 0.5f, 1.5f, out.shape());
        out.mul(weights).sum().backward();
        for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
            Tensor value = entry.getValue().value();
            assertThat(value.grad()).as("gradient of " + entry.getKey()).isNotNull();
            float[] analytic = value.grad().toFloatArray();
            float[] base = value.toFloatArray();
            for (int j = 0; j < base.length; j++) {
                double plus = objective(layer, input, value, base, j, base[j] + STEP, weights);
                double minus = objective(layer, input, value, base, j, base[j] - STEP, weights);
                double numeric = (plus - minus) / (2 * STEP);
                assertThat(Math.abs(analytic[j] - numeric))
                        .as("%s %s[%d]: analytic %s vs numeric %s", layer.kind(), entry.getKey(), j, analytic[j], numeric)
                        .isLessThanOrEqualTo(ABSOLUTE + RELATIVE * Math.abs(numeric));
            }
            set(value, base);
        }
    }

    /** Overwrites a parameter's values (outside any graph). */
    static void set(Tensor parameter, float[] values) {
        try (var g = Grad.off()) {
            parameter.copyFrom(Tensor.of(values, parameter.shape()));
        }
    }

    private static double objective(Layer layer, Tensor input, Tensor value, float[] base, int element, float perturbed,
                                    Tensor weights) {
        float[] values = base.clone();
        values[element] = perturbed;
        set(value, values);
        try (var g = Grad.off()) {
            float[] out = layer.forward(input, Pass.inference()).toFloatArray();
            float[] w = weights.toFloatArray();
            double total = 0;
            for (int k = 0; k < out.length; k++) {
                total += (double) out[k] * w[k];
            }
            return total;
        }
    }
}
