package dev.grove.neural.network;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Summarized;
import dev.grove.api.model.Summary;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.train.InitArray;
import dev.grove.tensor.Rng;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code network} estimator: the layers of an experiment's {@code model:} section trained as its
 * {@code train:} section says. A fit
 * <ol>
 *   <li>builds the layers for the data's sample shape ({@code [features]} for tables,
 *       {@code [channels, height, width]} for images), sizes the layers leave to the data filled
 *       from its schema ({@link dev.grove.neural.layer.LayerSpec#forData}: a {@code dense} without
 *       units gets one per class), with weights drawn from the context's
 *       {@code init} stream, and checks that the output fits the task: one value per class (or
 *       one logit for two classes with a sigmoid output or a cross-entropy loss), or one value for
 *       a numeric target;</li>
 *   <li>with {@code init-from}, copies the saved model's arrays that match by full name and shape
 *       (see {@link InitFrom}: arrays of another shape, such as a replaced head, stay fresh);</li>
 *   <li>with {@code freeze}, marks the named layers' (or the first N layers') parameters frozen;</li>
 *   <li>trains with the {@link dev.grove.neural.train.Trainer} and returns a {@link NetworkModel}.</li>
 * </ol>
 *
 * <pre>{@code
 * var model = new Network(new NetworkParams(layers, trainParams)).fit(train, validation, RunContext.withSeed(42));
 * }</pre>
 */
public final class Network implements Estimator<NetworkModel>, Summarized {

    /** The component name under which the neural plugin registers it. */
    public static final String NAME = "network";

    private final NetworkParams params;

    /** An estimator with {@code params}. */
    public Network(NetworkParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public NetworkParams params() {
        return params;
    }

    @Override
    public NetworkModel fit(Dataset data, RunContext context) {
        return fit(data, null, context);
    }

    /**
     * Fits on {@code data}, reporting figures on {@code validation} (null for none) every epoch.
     *
     * @throws IllegalArgumentException if the layers do not fit the data or its task, {@code freeze}
     *                                  names an unknown layer, or {@code init-from} cannot be read or
     *                                  matches nothing
     * @throws IllegalStateException    if {@code init-from} is set but the context reads no state files
     */
    @Override
    public NetworkModel fit(Dataset data, Dataset validation, RunContext context) {
        context.checkCancelled();
        Layer network = NetworkTraining.build(NAME, params.model(), params.train(), data.schema(), context.rng("init"));
        Map<String, String> initialisation = params.train().initFrom() == null ? Map.of()
                : InitFrom.apply(NAME, network, params.train().initFrom(),
                        InitArray.parseAll(params.train().initArrays()), context).attributes();
        Freezing.apply(NAME, network, params.train().freeze());
        return NetworkTraining.train(NAME, network, params.train(), data, validation, context, initialisation);
    }

    /**
     * The layers built for {@code schema}'s samples, or windows of {@code train.sequence} tokens,
     * sizes left to the data taken from it as in a fit
     * (weights from seed 0, which do not show), one row
     * per layer with Keras-ordered output shapes and parameter counts; trainable excludes the layers
     * {@code freeze} names. When the schema has a target, the output is checked against it as in a fit.
     */
    @Override
    public Summary summary(Schema schema) {
        Layer network = params.model().forData(schema).build(NetworkTraining.inputShape(params.train(), schema), new Rng(0));
        if (schema.hasTarget() && params.train().sequence() == 0) {
            TaskOutput.check(NAME, network, schema, NetworkTraining.singleLogitAllowed(params.train(), network));
        }
        Freezing.apply(NAME, network, params.train().freeze());
        return NetworkSummary.of(network);
    }

    @Override
    public String toString() {
        return "Network[" + params.model().kind() + "]";
    }
}
