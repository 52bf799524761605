package dev.grove.neural.loss;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import dev.grove.api.spi.Registry;

/** Registers the neural family's losses. */
public final class LossComponents {

    private LossComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.of(Kind.LOSS, MseLoss.NAME, NoParams.class, p -> new MseLoss(),
                "Mean squared error over all output values (regression, autoencoders)"));
        registry.register(Component.of(Kind.LOSS, CrossEntropyLoss.NAME, CrossEntropyParams.class, CrossEntropyLoss::new,
                "Cross-entropy from logits: categorical for [batch, classes] outputs, binary for a single output;"
                        + " targets are class indices"));
        registry.register(Component.of(Kind.LOSS, HingeLoss.NAME, NoParams.class, p -> new HingeLoss(),
                "Hinge loss with margin 1: multi-class (as torch MultiMarginLoss) or binary with targets 0/1 read as -1/+1"));
    }
}
