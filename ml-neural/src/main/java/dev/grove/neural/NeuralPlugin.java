package dev.grove.neural;

import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Plugin;
import dev.grove.api.spi.Registry;
import dev.grove.neural.data.ImageSources;
import dev.grove.neural.layer.LayerComponents;
import dev.grove.neural.loss.LossComponents;
import dev.grove.neural.network.NetworkComponents;
import dev.grove.neural.optim.OptimizerComponents;

/** The neural family: layers, losses, optimizers, image data and the network estimators. Registration builds nothing. */
public final class NeuralPlugin implements Plugin {

    /** Needed by {@link java.util.ServiceLoader}. */
    public NeuralPlugin() {
    }

    @Override
    public String id() {
        return "grove-neural";
    }

    @Override
    public String apiVersion() {
        return GroveApi.VERSION;
    }

    @Override
    public void register(Registry registry) {
        LayerComponents.register(registry);
        LossComponents.register(registry);
        OptimizerComponents.register(registry);
        ImageSources.register(registry);
        NetworkComponents.register(registry);
    }
}
