package dev.grove.api.spi;

import java.util.Locale;

/** What a component is for; decides where it may appear in an experiment file. */
public enum Kind {
    /** Learns a model (the last step of a pipeline). */
    ESTIMATOR,
    /** Learns a preprocessing transformer (earlier pipeline steps). */
    TRANSFORMER,
    /** Measures a model on a split. */
    METRIC,
    /** Loads or generates data. */
    DATA_SOURCE,
    /** A neural-network layer. */
    LAYER,
    /** Updates parameters from gradients. */
    OPTIMIZER,
    /** A training objective. */
    LOSS,
    /** Hooks into training (early stopping, checkpoints). */
    CALLBACK,
    /** Changes the learning rate over training (step, cosine). */
    SCHEDULE,
    /** Alters training samples at random each epoch (flips, crops). */
    AUGMENTATION,
    /** Splits text into tokens. */
    TOKENIZER;

    /** The kebab-case name used in messages and {@code grove list}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
