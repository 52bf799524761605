package dev.grove.neural.network;

import dev.grove.api.data.Schema;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.SequentialParams;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.loss.MseLoss;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.train.TrainParams;
import java.util.ArrayList;
import java.util.List;

/** What {@link MlpParams} mean as a network: its layers and its training params. */
final class MlpRecipe {

    /** Epochs without improvement that end training with early stopping (scikit-learn's n_iter_no_change). */
    private static final int PATIENCE = 10;
    /** Smallest improvement that counts (scikit-learn's tol). */
    private static final double MIN_DELTA = 1e-4;
    /** Share of the training rows held out for early stopping (scikit-learn's validation_fraction). */
    private static final double VALIDATION_SHARE = 0.1;
    /** Adam's decay rates and epsilon: PyTorch's and scikit-learn's defaults. */
    private static final double ADAM_BETA1 = 0.9;
    private static final double ADAM_BETA2 = 0.999;
    private static final double ADAM_EPS = 1e-8;

    private MlpRecipe() {
    }

    /**
     * The layers: a dense layer per hidden size with the params' activation, then dense with one
     * softmax output per class, or one linear output for a numeric target.
     */
    static LayerSpec layers(MlpParams params, Schema schema) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int units : params.hidden()) {
            layers.add(new DenseSpec(DenseParams.of(units, params.activation())));
        }
        layers.add(schema.isClassification()
                ? new DenseSpec(DenseParams.of(schema.classLabels().size(), "softmax"))
                : new DenseSpec(DenseParams.of(1, "linear")));
        return new SequentialSpec(new SequentialParams(layers));
    }

    /** The training params for {@code rows} training rows. */
    static TrainParams training(MlpParams params, Schema schema, int rows) {
        int batch = params.batchSizeFor(rows);
        boolean classification = schema.isClassification();
        TrainParams.EarlyStopping stopping = params.earlyStopping()
                ? new TrainParams.EarlyStopping(classification ? "val/accuracy" : "val/loss", PATIENCE, MIN_DELTA, true)
                : null;
        return new TrainParams(
                classification ? new CrossEntropyLoss() : new MseLoss(),
                new Adam(new AdamParams(params.lr(), ADAM_BETA1, ADAM_BETA2, ADAM_EPS, 0.0)),
                null, 0, params.epochs(), 0, batch, 0, 0.0, List.of(), true,
                params.earlyStopping() ? VALIDATION_SHARE : 0.0,
                0.0, params.l2() / (2.0 * batch), 0.0, 0.0, stopping, 0, List.of(), null, List.of());
    }
}
