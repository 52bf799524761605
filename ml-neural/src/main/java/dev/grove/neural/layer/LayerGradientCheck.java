package dev.grove.neural.layer;

import dev.grove.tensor.Grad;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Finite-difference gradient checking of a built {@link Layer}: what {@link GradientCheck} does for a
 * function's inputs, done for a layer's input and for every parameter of the layer and its children.
 * The input goes through {@link GradientCheck} itself. Parameters are tensors the layer owns (a
 * function check could only hand it fresh copies), so they are checked here by the same method: the
 * gradient autograd computes for {@code sum(layer(x) · r)}, r fixed in [0.5, 1.5), against central
 * differences, each parameter value perturbed in place and restored afterwards.
 *
 * <pre>{@code
 * GradientCheck.Result result = LayerGradientCheck.standard().check(layer, GradientCheck.spread(1, 2, 4), Pass::inference);
 * assert result.passed() : result.failure();
 * }</pre>
 *
 * <p>The tolerances are float32's, as {@link GradientCheck#standard()} explains; keep the input
 * and the parameters apart from kinks (relu at 0, max ties) by more than the step. The layer is
 * left with its parameter values as they were and their gradients cleared.
 */
public final class LayerGradientCheck {

    private final float step;
    private final double relative;
    private final double absolute;
    private final GradientCheck inputCheck;

    private LayerGradientCheck(float step, double relative, double absolute) {
        this.step = step;
        this.relative = relative;
        this.absolute = absolute;
        this.inputCheck = GradientCheck.of(step, relative, absolute);
    }

    /** Step 1e-2; a value passes when |analytic − numeric| ≤ 2e-3 + 2e-2·|numeric|, as {@link GradientCheck#standard()}. */
    public static LayerGradientCheck standard() {
        return new LayerGradientCheck(1e-2f, 2e-2, 2e-3);
    }

    /** Another step and tolerance (e.g. a looser one for layers with large curvature); as {@link GradientCheck#of}. */
    public static LayerGradientCheck of(float step, double relative, double absolute) {
        return new LayerGradientCheck(step, relative, absolute);
    }

    /**
     * Checks the gradients with respect to {@code input} and to every parameter of {@code layer}, input first.
     *
     * @param input a batch {@code [batch, inputShape...]}
     * @param pass  makes the pass of each evaluation; a training pass must draw the same randomness every
     *              time (a fresh {@code new Pass(true, new Rng(seed))}), so that dropout masks agree
     * @return the first failure, or a pass with the number of input and parameter values compared
     */
    public GradientCheck.Result check(Layer layer, Tensor input, Supplier<Pass> pass) {
        GradientCheck.Result inputs = checkInput(layer, input, pass);
        if (!inputs.passed()) {
            return inputs;
        }
        GradientCheck.Result parameters = checkParameters(layer, input, pass);
        return new GradientCheck.Result(parameters.passed(), parameters.failure(), inputs.checked() + parameters.checked());
    }

    /**
     * Checks the gradient with respect to {@code input} only (for layers without parameters); a failure
     * reads {@code "dense: input 0[3]: analytic 0.5 vs numeric 0.25"}.
     */
    public GradientCheck.Result checkInput(Layer layer, Tensor input, Supplier<Pass> pass) {
        Objects.requireNonNull(layer, "layer");
        GradientCheck.Result result = inputCheck.check(args -> layer.forward(args[0], pass.get()), input);
        clearGradients(Layers.parameters(layer));
        return result.passed() ? result
                : new GradientCheck.Result(false, layer.kind() + ": " + result.failure(), result.checked());
    }

    /**
     * Checks the gradients with respect to every parameter of {@code layer} and its children only (for
     * inputs that have no gradient, such as token ids); a failure names the parameter by its full name
     * ({@link Layers#parameters}): {@code "transformer-encoder: layer-norm-1.gamma[2]: analytic .. vs numeric .."}.
     * A layer without parameters passes with nothing compared.
     */
    public GradientCheck.Result checkParameters(Layer layer, Tensor input, Supplier<Pass> pass) {
        Map<String, Parameter> parameters = Layers.parameters(layer);
        clearGradients(parameters);
        Tensor out = layer.forward(input, pass.get());
        Tensor weights = Tensor.uniform(new Rng(99), 0.5f, 1.5f, out.shape());
        if (out.requiresGrad()) { // else no parameter reached the output: each is reported below
            out.mul(weights).sum().backward();
        }
        float[] w = weights.toFloatArray();
        try {
            int checked = 0;
            for (Map.Entry<String, Parameter> entry : parameters.entrySet()) {
                Parameter parameter = entry.getValue();
                Tensor gradient = parameter.value().grad();
                if (gradient == null) {
                    return new GradientCheck.Result(false, layer.kind() + ": " + entry.getKey() + ": no gradient reached it",
                            checked);
                }
                float[] analytic = gradient.toFloatArray();
                float[] base = parameter.value().toFloatArray();
                try {
                    for (int j = 0; j < base.length; j++) {
                        double plus = objective(layer, input, pass, parameter, base, j, base[j] + step, w);
                        double minus = objective(layer, input, pass, parameter, base, j, base[j] - step, w);
                        double numeric = (plus - minus) / (2 * step);
                        checked++;
                        if (!(Math.abs(analytic[j] - numeric) <= absolute + relative * Math.abs(numeric))) {
                            return new GradientCheck.Result(false, layer.kind() + ": " + entry.getKey() + "[" + j
                                    + "]: analytic " + analytic[j] + " vs numeric " + numeric, checked);
                        }
                    }
                } finally {
                    parameter.assign(base);
                }
            }
            return new GradientCheck.Result(true, "", checked);
        } finally {
            clearGradients(parameters);
        }
    }

    /** sum(layer(input) · w) with one value of {@code parameter} set to {@code perturbed}. */
    private static double objective(Layer layer, Tensor input, Supplier<Pass> pass, Parameter parameter, float[] base,
                                    int element, float perturbed, float[] w) {
        float[] values = base.clone();
        values[element] = perturbed;
        parameter.assign(values);
        try (var g = Grad.off()) {
            float[] out = layer.forward(input, pass.get()).toFloatArray();
            double total = 0;
            for (int k = 0; k < out.length; k++) {
                total += (double) out[k] * w[k];
            }
            return total;
        }
    }

    private static void clearGradients(Map<String, Parameter> parameters) {
        parameters.values().forEach(p -> p.value().zeroGrad());
    }
}
