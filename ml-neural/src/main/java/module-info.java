/**
 * Neural networks on the tensor autograd: layers and blocks, losses, optimizers and schedules, the
 * training loop, image data sources, and the {@code network} and {@code mlp} estimators.
 */
module dev.grove.neural {
    requires transitive dev.grove.api;

    exports dev.grove.neural;
    exports dev.grove.neural.data;
    exports dev.grove.neural.layer;
    exports dev.grove.neural.loss;
    exports dev.grove.neural.network;
    exports dev.grove.neural.optim;
    exports dev.grove.neural.train;

    provides dev.grove.api.spi.Plugin with dev.grove.neural.NeuralPlugin;
}
