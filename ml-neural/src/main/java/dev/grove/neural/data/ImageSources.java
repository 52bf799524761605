package dev.grove.neural.data;

import dev.grove.api.spi.Registry;

/** Registers the neural family's image data sources (mnist, cifar10). */
public final class ImageSources {

    private ImageSources() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
    }
}
