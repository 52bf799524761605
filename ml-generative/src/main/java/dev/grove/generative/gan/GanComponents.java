package dev.grove.generative.gan;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Registry;

/** Registers the gan estimator (plain and conditional). */
public final class GanComponents {

    private GanComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.estimator(Gan.NAME, GanParams.class, Gan::new, GanModel::restore,
                "Generative adversarial network: a generator and a discriminator trained alternately (non-saturating"
                        + " loss, optional label smoothing); conditional: true generates images of a chosen class"));
    }
}
