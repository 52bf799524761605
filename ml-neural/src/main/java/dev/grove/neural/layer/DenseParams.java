package dev.grove.neural.layer;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;

/**
 * Params of {@code dense}, a fully connected layer: activation(x·W + b) with W of shape
 * [inputs, units], applied to the last axis of each sample ([features] → [units],
 * [steps, features] → [steps, units]).
 *
 * @param units      output features, ≥ 1; 0 (the default) means one per class of the training data
 *                   (or per vocabulary token for token-id rows without classes), which a network
 *                   resolves before building (see {@link DenseSpec#forData})
 * @param activation applied to x·W + b (one of {@link Activation#NAMES})
 * @param useBias    whether b is learned (otherwise there is none)
 * @param init       how W is drawn (see {@link Initializer}); b starts at 0
 * @param l1         L1 penalty coefficient on W (not b), ≥ 0
 * @param l2         L2 penalty coefficient on W (not b), ≥ 0
 * @param tie        the name of an earlier layer of the same list ({@code embedding-1}) whose
 *                   [units, inputs] weight, transposed and scaled by 1/√inputs, is W (shared, not
 *                   copied), or null for a W of its own; see {@link DenseSpec#buildTied}
 */
public record DenseParams(
        @Doc("Output features; 0 (the default): one per class of the training data (per vocabulary token for"
                + " token-id rows without classes, as masked-token training uses)")
        @Default("0") @Min(0) int units,
        @Doc("Activation applied to x.W + b")
        @Default("linear") @OneOf({"linear", "relu", "sigmoid", "tanh", "softmax", "leaky-relu", "gelu", "heaviside"})
        String activation,
        @Doc("Learn a bias b") @Default("true") boolean useBias,
        @Doc("Initial weights: glorot-uniform, glorot-normal, he-uniform or he-normal; the bias starts at 0")
        @Default("glorot-uniform") @OneOf({"glorot-uniform", "glorot-normal", "he-uniform", "he-normal"}) String init,
        @Doc("L1 penalty coefficient on the weights (sum of |w|), added to the loss") @Default("0.0") @Min(0) double l1,
        @Doc("L2 penalty coefficient on the weights (sum of w^2), added to the loss") @Default("0.0") @Min(0) double l2,
        @Doc("Share the weight of an earlier layer of the same list, e.g. tie: embedding-1: W is that layer's"
                + " [units, inputs] weight transposed and scaled by 1/sqrt(inputs) (as T5 does), so a language model"
                + " scores each token by its own embedding and both uses train one table; null for a weight of its own")
        @Default("null") String tie) {

    /** Validates every param. */
    public DenseParams {
        Params.atLeast("units", units, 0, false);
        Activation.named(activation);
        Initializer.named(init);
        Penalties.check(l1, l2);
        if (tie != null && (tie.isBlank() || l1 > 0 || l2 > 0)) {
            throw new IllegalArgumentException(tie.isBlank() ? "tie must name an earlier layer, e.g. embedding-1"
                    : "l1 and l2 penalise a dense layer's own weight, and a layer with tie: " + tie + " has none");
        }
    }

    /** {@code units} outputs (0: one per class of the data) with {@code activation}, and the defaults otherwise. */
    public static DenseParams of(int units, String activation) {
        return new DenseParams(units, activation, true, "glorot-uniform", 0, 0, null);
    }

    /** These params with {@code units} outputs. */
    public DenseParams withUnits(int units) {
        return new DenseParams(units, activation, useBias, init, l1, l2, tie);
    }

    /** These params sharing the weight of the earlier layer {@code layer} (null: a weight of its own). */
    public DenseParams withTie(String layer) {
        return new DenseParams(units, activation, useBias, init, l1, l2, layer);
    }
}
