package dev.grove.neural.network;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.OfKind;
import dev.grove.api.spi.Kind;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.train.TrainParams;
import java.util.Objects;

/**
 * Params of the {@code network} estimator: an experiment's {@code model:} and {@code train:}
 * sections.
 *
 * @param model the layers (a LAYER component, usually {@code sequential: [...]}), built for the
 *              data's sample shape when the network is fitted
 * @param train how it trains: loss, optimizer, epochs, batch size, freeze, init-from, …
 */
public record NetworkParams(
        @Doc("The layers, e.g. {sequential: [{dense: {units: 64, activation: relu}}, {dense: {units: 10}}]}")
        @OfKind(Kind.LAYER) LayerSpec model,
        @Doc("How the network trains: loss, optimizer, epochs, batch-size, early-stopping, freeze, init-from, ...")
        @Default("{}") TrainParams train) {

    /** Checks that both sections are present. */
    public NetworkParams {
        Objects.requireNonNull(model, "network: the model section (the layers) is required");
        Objects.requireNonNull(train, "network: the train section is required");
    }
}
