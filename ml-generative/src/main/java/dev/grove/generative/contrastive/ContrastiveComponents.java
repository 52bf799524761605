package dev.grove.generative.contrastive;

import dev.grove.api.spi.Registry;

/** Registers the contrastive (CLIP-style) estimator and its zero-shot classifier. */
public final class ContrastiveComponents {

    private ContrastiveComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
