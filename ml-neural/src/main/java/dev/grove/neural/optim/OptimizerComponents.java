package dev.grove.neural.optim;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.Registry;

/** Registers the neural family's optimizers and learning-rate schedules. */
public final class OptimizerComponents {

    private OptimizerComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.of(Kind.OPTIMIZER, Sgd.NAME, SgdParams.class, Sgd::new,
                "Stochastic gradient descent, with optional momentum, Nesterov momentum and weight decay (as torch SGD)"));
        registry.register(Component.of(Kind.OPTIMIZER, Adam.NAME, AdamParams.class, Adam::new,
                "Adam: bias-corrected running means of gradients and squared gradients (as torch Adam)"));
        registry.register(Component.of(Kind.OPTIMIZER, Adam.DECOUPLED_NAME, AdamWParams.class, Adam::new,
                "AdamW: Adam with decoupled weight decay (as torch AdamW)"));
        registry.register(Component.of(Kind.OPTIMIZER, RmsProp.NAME, RmsPropParams.class, RmsProp::new,
                "RMSprop: divides by the root of a running mean of squared gradients (as torch RMSprop)"));
        registry.register(Component.of(Kind.OPTIMIZER, Adadelta.NAME, AdadeltaParams.class, Adadelta::new,
                "Adadelta: updates scaled by running means of squared updates and gradients (as torch Adadelta)"));
        registry.register(Component.of(Kind.SCHEDULE, StepSchedule.NAME, StepScheduleParams.class, StepSchedule::new,
                "Multiplies the learning rate by gamma every N epochs (as torch StepLR)"));
        registry.register(Component.of(Kind.SCHEDULE, CosineSchedule.NAME, CosineScheduleParams.class, CosineSchedule::new,
                "Cosine annealing per step from the base rate down to min-lr at the end of training (as torch CosineAnnealingLR)"));
        registry.register(Component.of(Kind.SCHEDULE, ExponentialSchedule.NAME, ExponentialScheduleParams.class,
                ExponentialSchedule::new, "Multiplies the learning rate by gamma every epoch (as torch ExponentialLR)"));
    }
}
