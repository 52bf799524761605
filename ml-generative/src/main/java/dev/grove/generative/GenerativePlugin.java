package dev.grove.generative;

import dev.grove.api.spi.GroveApi;
import dev.grove.api.spi.Plugin;
import dev.grove.api.spi.Registry;
import dev.grove.generative.autoencoder.AutoencoderComponents;
import dev.grove.generative.contrastive.ContrastiveComponents;
import dev.grove.generative.gan.GanComponents;

/** The generative family: autoencoders, VAEs, GANs and contrastive models. Registration builds nothing. */
public final class GenerativePlugin implements Plugin {

    /** Needed by {@link java.util.ServiceLoader}. */
    public GenerativePlugin() {
    }

    @Override
    public String id() {
        return "grove-generative";
    }

    @Override
    public String apiVersion() {
        return GroveApi.VERSION;
    }

    @Override
    public void register(Registry registry) {
        AutoencoderComponents.register(registry);
        GanComponents.register(registry);
        ContrastiveComponents.register(registry);
    }
}
