package dev.grove.generative.autoencoder;

import dev.grove.tensor.Rng;
import java.util.List;

/**
 * The noise a denoising autoencoder learns to remove, by name:
 * <ul>
 *   <li>{@code none}: the image as it is (a plain autoencoder);</li>
 *   <li>{@code gaussian}: every pixel plus level · N(0, 1), clipped to the pixel range [0, 1];</li>
 *   <li>{@code masking}: every pixel set to 0 with probability level, independently.</li>
 * </ul>
 * Pixels are drawn in row-major order from the given stream, so a batch of images is corrupted
 * exactly as the same images one at a time from the same stream.
 */
final class Corruption {

    /** The noise names, in the order the params document them. */
    static final List<String> NAMES = List.of("none", "gaussian", "masking");

    private final String name;
    private final float level;

    private Corruption(String name, float level) {
        this.name = name;
        this.level = level;
    }

    /**
     * The noise {@code name} at {@code level} (the standard deviation for gaussian, the probability
     * for masking).
     *
     * @throws IllegalArgumentException for an unknown name, a negative level, or a masking level of 1 or more
     */
    static Corruption of(String name, double level) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("noise must be one of " + NAMES + ", got '" + name + "'");
        }
        if (!(level >= 0) || !Double.isFinite(level)) {
            throw new IllegalArgumentException("noise-level must be a finite value of at least 0, got " + level);
        }
        if (name.equals("masking") && level >= 1) {
            throw new IllegalArgumentException("noise-level of masking noise is the probability of hiding a pixel and must be"
                    + " below 1, got " + level);
        }
        return new Corruption(name, (float) level);
    }

    /** Whether this noise changes anything (not {@code none}, and a level above 0). */
    boolean isActive() {
        return !name.equals("none") && level > 0;
    }

    /** Writes the first {@code count} values of {@code clean}, corrupted, into {@code noisy}. */
    void apply(float[] clean, float[] noisy, int count, Rng rng) {
        switch (name) {
            case "gaussian" -> {
                for (int i = 0; i < count; i++) {
                    float value = clean[i] + level * (float) rng.nextGaussian();
                    noisy[i] = Math.max(0f, Math.min(1f, value));
                }
            }
            case "masking" -> {
                for (int i = 0; i < count; i++) {
                    noisy[i] = rng.nextDouble() < level ? 0f : clean[i];
                }
            }
            default -> System.arraycopy(clean, 0, noisy, 0, count);
        }
    }
}
