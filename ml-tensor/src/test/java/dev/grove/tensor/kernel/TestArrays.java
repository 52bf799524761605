package dev.grove.tensor.kernel;

import java.util.Random;

/** Random and patterned float arrays for the kernel tests. */
final class TestArrays {

    private TestArrays() {
    }

    /** Uniform values in [-1, 1). */
    static float[] uniform(Random random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextFloat() * 2f - 1f;
        }
        return v;
    }

    /** Small integers in [-4, 4]: sums and products of these are exact in float32. */
    static float[] smallIntegers(Random random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextInt(9) - 4;
        }
        return v;
    }

    static float[] filled(int length, float value) {
        float[] v = new float[length];
        java.util.Arrays.fill(v, value);
        return v;
    }

    static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Float.floatToRawIntBits(values[i]);
        }
        return bits;
    }
}
