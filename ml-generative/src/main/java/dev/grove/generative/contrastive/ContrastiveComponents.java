package dev.grove.generative.contrastive;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Registry;

/** Registers the contrastive (CLIP-style) estimator and its zero-shot classifier. */
public final class ContrastiveComponents {

    private ContrastiveComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.estimator(Clip.NAME, ClipParams.class, Clip::new, ClipModel::restore,
                "CLIP-style contrastive image-text model trained on captions built from the class labels;"
                        + " classifies images zero-shot by their similarity to prompts"));
    }
}
