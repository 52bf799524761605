package dev.grove.neural.network;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Registry;

/** Registers the neural family's estimators: {@code network} and {@code mlp}. */
public final class NetworkComponents {

    private NetworkComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.estimator(Network.NAME, NetworkParams.class, Network::new,
                (params, schema, state) -> NetworkModel.restore(Network.NAME, params.model(), schema, state),
                "A neural network: the layers of the model section trained as the train section says"));
        registry.register(Component.estimator(Mlp.NAME, MlpParams.class, Mlp::new, Mlp::restore,
                "Multilayer perceptron for tables (as scikit-learn's MLPClassifier/MLPRegressor): dense hidden"
                        + " layers trained with Adam, usable in a pipeline"));
    }
}
