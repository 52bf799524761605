/** Autoencoders, VAEs, GANs and contrastive models. */
module dev.grove.generative {
    requires dev.grove.neural;
}
