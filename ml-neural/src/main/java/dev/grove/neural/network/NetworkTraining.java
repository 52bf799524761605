package dev.grove.neural.network;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.train.TrainParams;
import dev.grove.neural.train.Trainer;
import dev.grove.tensor.Rng;
import java.util.Map;

/** The steps the {@code network} and {@code mlp} estimators share: build and check the layers, train them, wrap the model. */
final class NetworkTraining {

    private NetworkTraining() {
    }

    /**
     * Builds {@code spec} for {@code schema}'s sample shape, or for windows of {@code train.sequence}
     * tokens, with the sizes it leaves to the data taken from {@code schema} ({@link LayerSpec#forData}),
     * and checks that its output fits the task as {@code train} learns it (the trainer checks a
     * next-token or masked-token network's output against the vocabulary).
     */
    static Layer build(String component, LayerSpec spec, TrainParams train, Schema schema, Rng rng) {
        Layer network = spec.forData(schema).build(inputShape(train, schema), rng);
        if (train.sequence() == 0 && train.mask() == 0) {
            TaskOutput.check(component, network, schema, singleLogitAllowed(train, network));
        }
        return network;
    }

    /** The shape of one sample the network takes: the data's, or a window of token ids. */
    static int[] inputShape(TrainParams train, Schema schema) {
        return train.sequence() > 0 ? new int[] {train.sequence()} : schema.sampleShapeArray();
    }

    /** Whether a two-class task may be answered by a single output for this loss and network. */
    static boolean singleLogitAllowed(TrainParams train, Layer network) {
        return train.loss().takesLogits() || "sigmoid".equals(network.finalActivation());
    }

    /**
     * Trains {@code network} in place on {@code data}, watching {@code validation} (or null), and
     * returns the fitted model, which takes the network over.
     *
     * @param initialisation attributes the model keeps about where its initial weights came from
     *
     * @throws IllegalArgumentException if the validation rows have other columns than the training rows
     */
    static NetworkModel train(String component, Layer network, TrainParams train, Dataset data, Dataset validation,
                              RunContext context, Map<String, String> initialisation) {
        if (validation != null && !validation.schema().featureNames().equals(data.schema().featureNames())) {
            throw new IllegalArgumentException(component + ": the validation rows have columns "
                    + validation.schema().featureNames() + " but the training rows have " + data.schema().featureNames());
        }
        Trainer.train(network, train, data, validation, context);
        return NetworkModel.of(data.schema(), network, initialisation, train.sequence(), train.mask());
    }
}
