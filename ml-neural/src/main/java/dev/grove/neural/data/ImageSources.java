package dev.grove.neural.data;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.Registry;

/**
 * Registers the neural family's image data sources ({@code mnist}, {@code cifar10}) and image
 * augmentations ({@code random-flip}, {@code random-crop}).
 */
public final class ImageSources {

    private ImageSources() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.dataSource("mnist", MnistParams.class, MnistSource::new,
                "MNIST-style IDX image and label files (gzip or not): 28x28 grey digits as [1, 28, 28] float32 samples"));
        registry.register(Component.dataSource("cifar10", Cifar10Params.class, Cifar10Source::new,
                "CIFAR-10 binary files (gzip or not), one file or a train/test pair: [3, 32, 32] float32 colour images"));
        registry.register(Component.of(Kind.AUGMENTATION, "random-flip", RandomFlipParams.class, RandomFlip::new,
                "mirrors each training image left to right with probability p"));
        registry.register(Component.of(Kind.AUGMENTATION, "random-crop", RandomCropParams.class, RandomCrop::new,
                "pads each training image with zeros and cuts a window of the original size at a random offset"));
    }
}
