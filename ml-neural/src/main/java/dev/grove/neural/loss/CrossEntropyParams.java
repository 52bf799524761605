package dev.grove.neural.loss;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.Params;

/**
 * Params of {@code cross-entropy}.
 *
 * @param labelSmoothing ε in [0, 1]: the target distribution becomes (1 − ε)·one-hot + ε/K over the
 *                       K classes, as {@code torch.nn.CrossEntropyLoss(label_smoothing=ε)}; a binary
 *                       (single-output) network counts as K = 2
 */
public record CrossEntropyParams(
        @Doc("Label smoothing e in [0, 1]: targets become (1 - e) one-hot + e / classes (a single output counts as 2 classes)")
        @Default("0.0") @Min(0) @Max(1) double labelSmoothing) {

    /** Validates the param. */
    public CrossEntropyParams {
        Params.atLeast("label-smoothing", labelSmoothing, 0, false);
        Params.atMost("label-smoothing", labelSmoothing, 1, false);
    }

    /** No label smoothing (PyTorch's default). */
    public static CrossEntropyParams defaults() {
        return new CrossEntropyParams(0.0);
    }
}
