/**
 * Generative models: autoencoders (plain, denoising, convolutional), variational autoencoders,
 * GANs, their conditional forms, and contrastive (CLIP-style) image-text models with zero-shot
 * classification.
 */
module dev.grove.generative {
    requires transitive dev.grove.neural;

    exports dev.grove.generative;
    exports dev.grove.generative.autoencoder;
    exports dev.grove.generative.contrastive;
    exports dev.grove.generative.gan;
    exports dev.grove.generative.image;

    provides dev.grove.api.spi.Plugin with dev.grove.generative.GenerativePlugin;
}
