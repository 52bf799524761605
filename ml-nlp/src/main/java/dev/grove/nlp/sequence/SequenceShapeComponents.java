package dev.grove.nlp.sequence;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.Registry;

/** Registers the layers that turn images into sequences and sequences into vectors. */
public final class SequenceShapeComponents {

    private SequenceShapeComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.of(Kind.LAYER, PatchesSpec.KIND, PatchesParams.class, PatchesSpec::new,
                "Cuts [channels, height, width] images into a sequence of flattened square patches (vision transformer)"));
        registry.register(Component.of(Kind.LAYER, SequencePoolSpec.KIND, SequencePoolParams.class, SequencePoolSpec::new,
                "Pools a [steps, features] sequence into one [features] vector: mean, max, first or last step"));
    }
}
