package dev.grove.neural.network;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Summarized;
import dev.grove.api.model.Summary;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.train.TrainParams;
import dev.grove.tensor.Rng;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code mlp} estimator: a multilayer perceptron for tables, usable as the last step of a
 * classical pipeline ({@code pipeline: [standard-scaler, {mlp: {hidden: [64]}}]}). It builds the
 * network {@link MlpParams} describe for the data's features and classes, initialised from the
 * context's {@code init} stream, and trains it with the same training loop as {@code network}.
 *
 * <pre>{@code
 * var model = (NetworkClassifier) new Mlp(MlpParams.defaults().withHidden(List.of(64))).fit(data, RunContext.withSeed(0));
 * }</pre>
 */
public final class Mlp implements Estimator<NetworkModel>, Summarized {

    /** The component name under which the neural plugin registers it. */
    public static final String NAME = "mlp";

    private final MlpParams params;

    /** An estimator with {@code params}. */
    public Mlp(MlpParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public MlpParams params() {
        return params;
    }

    /**
     * Rebuilds a fitted model from its params, the schema it was trained on and its saved state
     * (the component's restorer).
     *
     * @throws IllegalArgumentException if an array is missing or has another shape than the params and schema give
     */
    public static NetworkModel restore(MlpParams params, Schema schema, ModelState state) {
        return NetworkModel.restore(NAME, MlpRecipe.layers(params, schema), schema, state);
    }

    @Override
    public NetworkModel fit(Dataset data, RunContext context) {
        return fit(data, null, context);
    }

    /**
     * Fits on {@code data}, which needs a target; {@code validation} (or null) is reported each epoch
     * and, with early stopping, decides when to stop.
     *
     * @throws IllegalArgumentException if the data has no target
     */
    @Override
    public NetworkModel fit(Dataset data, Dataset validation, RunContext context) {
        context.checkCancelled();
        Schema schema = data.schema();
        TrainParams train = MlpRecipe.training(params, schema, data.rows());
        Layer network = NetworkTraining.build(NAME, layers(schema), train, schema, context.rng("init"));
        return NetworkTraining.train(NAME, network, train, data, validation, context, Map.of());
    }

    /** The layers for {@code schema}'s features and classes, with output shapes and parameter counts. */
    @Override
    public Summary summary(Schema schema) {
        return NetworkSummary.of(layers(schema).build(schema.sampleShapeArray(), new Rng(0)));
    }

    /** The layers for {@code schema}, whose samples must be flat rows of features. */
    private LayerSpec layers(Schema schema) {
        if (schema.sampleShape().size() != 1) {
            throw new IllegalArgumentException(NAME + ": needs rows of features, but the samples have shape "
                    + schema.sampleShape() + "; for images use network with a flatten layer first");
        }
        return MlpRecipe.layers(params, schema);
    }

    @Override
    public String toString() {
        return "Mlp" + params.hidden();
    }
}
