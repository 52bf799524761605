package dev.grove.generative.autoencoder;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Registry;

/** Registers the autoencoder and vae estimators (plain, denoising, variational, conditional). */
public final class AutoencoderComponents {

    private AutoencoderComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.estimator(Autoencoder.NAME, AutoencoderParams.class, Autoencoder::new,
                AutoencoderModel::restore,
                "Autoencoder of images: encoder to a latent-dim code and decoder back, trained to reconstruct; with noise"
                        + " (gaussian or masking) a denoising autoencoder"));
        registry.register(Component.estimator(Vae.NAME, VaeParams.class, Vae::new, VaeModel::restore,
                "Variational autoencoder of images: Gaussian latent, reparameterization, reconstruction + beta * KL;"
                        + " samples, interpolations, latent arithmetic; conditional: true generates a chosen class"));
    }
}
