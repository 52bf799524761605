package dev.grove.tensor;

import java.util.SplittableRandom;

/**
 * A seeded, splittable random-number stream. Every consumer gets its own stream, derived from a
 * parent by {@link #split()} or {@link #derive(String)}, so results never depend on which thread or
 * which order other components drew numbers in. There is deliberately no global instance.
 *
 * <p>Not thread-safe: give each thread or task its own split.
 */
public final class Rng {

    private final long seed;
    private final SplittableRandom random;
    private boolean hasSpareGaussian;
    private double spareGaussian;

    /** A stream seeded with {@code seed}; the same seed always yields the same numbers. */
    public Rng(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    /** The seed this stream started from. */
    public long seed() {
        return seed;
    }

    /** A new independent stream; this stream advances. */
    public Rng split() {
        return new Rng(random.nextLong());
    }

    /**
     * A stream named by {@code purpose} (e.g. "fold-3" or "dropout"), independent of this stream's
     * position: the same parent seed and name always give the same child.
     */
    public Rng derive(String purpose) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < purpose.length(); i++) {
            h = (h ^ purpose.charAt(i)) * 0x100000001b3L;
        }
        // Mixing through a fresh generator decorrelates children whose names differ in one bit.
        return new Rng(new SplittableRandom(seed ^ h).nextLong());
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A uniformly random long. */
    public long nextLong() {
        return random.nextLong();
    }

    /** Standard normal, by the Marsaglia polar method (deterministic for a given stream). */
    public double nextGaussian() {
        if (hasSpareGaussian) {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * factor;
        hasSpareGaussian = true;
        return u * factor;
    }

    /** Shuffles {@code values} in place (Fisher–Yates). */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
