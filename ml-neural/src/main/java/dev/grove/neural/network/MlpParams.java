package dev.grove.neural.network;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import java.util.List;
import java.util.Objects;

/**
 * Params of {@code mlp}, a multilayer perceptron for tabular data in the manner of scikit-learn's
 * {@code MLPClassifier} and {@code MLPRegressor}: dense hidden layers, then a softmax head (one output
 * per class) or a linear one (one output), trained with Adam on cross-entropy or mean squared error.
 *
 * @param hidden        units of each hidden layer, in order (none gives a linear model)
 * @param activation    activation of the hidden layers: {@code relu}, {@code tanh} or {@code sigmoid}
 * @param epochs        passes over the training rows; 200 as scikit-learn's {@code max_iter}, which small
 *                      tables (hundreds to a few thousand rows) need to converge at this learning rate
 * @param batchSize     rows per mini-batch, or 0 for min(200, rows) as scikit-learn's {@code auto}
 * @param lr            Adam's learning rate
 * @param l2            scikit-learn's {@code alpha}: each batch's loss gains (l2 / (2 · batch rows)) · Σw²
 *                      over the weights (not the biases)
 * @param earlyStopping hold out 10% of the training rows (unless the run gives validation rows) and
 *                      stop when their accuracy (classification) or loss (regression) has not improved
 *                      by 1e-4 for 10 epochs, restoring the best epoch's weights
 */
public record MlpParams(
        @Doc("Units of each hidden layer, e.g. [64] or [128, 64]")
        @Default("[100]") List<Integer> hidden,
        @Doc("Activation of the hidden layers")
        @Default("relu") @OneOf({"relu", "tanh", "sigmoid"}) String activation,
        @Doc("Passes over the training rows (scikit-learn's max_iter)")
        @Default("200") @Min(1) int epochs,
        @Doc("Rows per mini-batch; 0 means min(200, rows) as scikit-learn's auto")
        @Default("0") @Min(0) int batchSize,
        @Doc("Adam's learning rate")
        @Default("0.001") @Min(value = 0, exclusive = true) double lr,
        @Doc("L2 penalty as scikit-learn's alpha: the loss gains l2 / (2 * batch rows) * sum of squared weights")
        @Default("0.0001") @Min(0) double l2,
        @Doc("Hold out 10% of the rows and stop when their score has not improved for 10 epochs")
        @Default("false") boolean earlyStopping) {

    /** Validates every param. */
    public MlpParams {
        Objects.requireNonNull(hidden, "hidden");
        for (int i = 0; i < hidden.size(); i++) {
            if (hidden.get(i) == null) {
                throw new IllegalArgumentException("hidden[" + i + "] must be a number of units, got null");
            }
            Params.atLeast("hidden[" + i + "]", hidden.get(i), 1, false);
        }
        hidden = List.copyOf(hidden);
        Params.oneOf("activation", activation, "relu", "tanh", "sigmoid");
        Params.atLeast("epochs", epochs, 1, false);
        Params.atLeast("batch-size", batchSize, 0, false);
        Params.atLeast("lr", lr, 0, true);
        Params.atLeast("l2", l2, 0, false);
        if (Double.isInfinite(lr) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("lr and l2 must be finite, got lr " + lr + ", l2 " + l2);
        }
    }

    /** hidden [100], relu, 200 epochs, batch min(200, rows), lr 0.001, l2 0.0001, no early stopping. */
    public static MlpParams defaults() {
        return new MlpParams(List.of(100), "relu", 200, 0, 1e-3, 1e-4, false);
    }

    /** These params with other hidden layers. */
    public MlpParams withHidden(List<Integer> hidden) {
        return new MlpParams(hidden, activation, epochs, batchSize, lr, l2, earlyStopping);
    }

    /** These params with another number of epochs. */
    public MlpParams withEpochs(int epochs) {
        return new MlpParams(hidden, activation, epochs, batchSize, lr, l2, earlyStopping);
    }

    /** The batch size for {@code rows} training rows: the given one, or min(200, rows) for 0. */
    int batchSizeFor(int rows) {
        return batchSize > 0 ? batchSize : Math.max(1, Math.min(200, rows));
    }
}
