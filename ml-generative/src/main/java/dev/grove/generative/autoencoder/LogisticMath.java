package dev.grove.generative.autoencoder;

/**
 * The two transcendental functions of the binary cross-entropy from logits, e^−a (a ≥ 0) and
 * log(1 + t) (0 ≤ t ≤ 1), as float polynomials: a few multiply-adds instead of two float64 library
 * calls per pixel, which made the loss of a 784-pixel batch cost as much as a layer's matrix product.
 * Plain float arithmetic, so the results are the same whether the JIT has compiled the code or not.
 * e^−a stays within 2 units in the last place of the float result, log(1 + t) within 3 (the
 * rounding of 2 + t), over their whole domains.
 */
final class LogisticMath {

    private static final float LOG2_E = 1.44269504f;
    // ln 2 split in two so that k · LN2_HIGH is exact for the k that occur (Cody and Waite).
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    /** Below this e^x is no longer a normal float; e^−87 ≈ 1.6e-38 stands for everything smaller. */
    private static final float SMALLEST_EXPONENT = -87f;

    private LogisticMath() {
    }

    /** e^−a for a ≥ 0 (e^−87 for a above 87, where the value stops being a normal float). */
    static float expNegative(float a) {
        float x = Math.max(-a, SMALLEST_EXPONENT);
        // x = k ln 2 + r with k the nearest integer to x / ln 2 (x ≤ 0, so the cast rounds up from −k − 0.5), |r| ≤ ln 2 / 2.
        int k = (int) (x * LOG2_E - 0.5f);
        float r = x - k * LN2_HIGH - k * LN2_LOW;
        // Taylor series of e^r to r^7: the remainder is below r^8 / 8! ≤ 6e-9 for |r| ≤ 0.347.
        float p = 1f + r * (1f + r * (0.5f + r * (1f / 6 + r * (1f / 24 + r * (1f / 120 + r * (1f / 720 + r * (1f / 5040)))))));
        return p * Float.intBitsToFloat((k + 127) << 23);
    }

    /**
     * σ(z) = 1 / (1 + e^−z) given e = e^−|z|: 1 / (1 + e) for z ≥ 0, e / (1 + e) below, both exact
     * to float rounding (no 1 − tiny cancellation). The choice is made on the sign bit, without a
     * branch, since the signs of a batch's logits follow no pattern a branch predictor could learn.
     */
    static float sigmoid(float z, float e) {
        int one = Float.floatToRawIntBits(1f);
        int negative = Float.floatToRawIntBits(z) >> 31;
        return Float.intBitsToFloat(one ^ ((one ^ Float.floatToRawIntBits(e)) & negative)) / (1f + e);
    }

    /**
     * log(1 + t) for 0 ≤ t ≤ 1, by log(1 + t) = 2 atanh(s) with s = t / (2 + t) ≤ 1/3: the odd series
     * 2(s + s³/3 + … + s¹⁵/15), whose remainder is below 1e-9.
     */
    static float log1pUnit(float t) {
        float s = t / (2f + t);
        float s2 = s * s;
        float series = 1f + s2 * (1f / 3 + s2 * (1f / 5 + s2 * (1f / 7 + s2 * (1f / 9 + s2 * (1f / 11 + s2 * (1f / 13
                + s2 * (1f / 15)))))));
        return 2f * s * series;
    }
}
