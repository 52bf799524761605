package dev.grove.neural.data;

import dev.grove.tensor.Rng;

/**
 * A random alteration of training samples (a horizontal flip, a padded crop): what an AUGMENTATION
 * component's factory returns. The training loop applies it to each training batch, never to
 * validation or test rows, with a stream derived from the epoch and step so a resumed run alters
 * exactly as an uninterrupted one.
 */
public interface Augmentation {

    /**
     * Alters {@code rows} samples of shape {@code sampleShape} (e.g. {@code [3, 32, 32]}), stored
     * row-major one after another in {@code batch}, in place.
     *
     * @throws IllegalArgumentException if the alteration does not apply to that shape (a crop of flat rows)
     */
    void apply(float[] batch, int rows, int[] sampleShape, Rng rng);
}
