package dev.grove.nlp.word2vec;

/**
 * The logistic sigmoid as word2vec.c computes it in training: looked up in a table of
 * {@value #SIZE} steps over (−{@value #MAX_EXP}, {@value #MAX_EXP}) (word2vec.c's EXP_TABLE), and
 * 0 or 1 beyond, which makes the inner loop free of {@code exp} calls.
 */
final class SigmoidTable {

    /** Beyond ±MAX_EXP the sigmoid is taken as 0 or 1. */
    static final float MAX_EXP = 6;
    /** Steps of the table. */
    static final int SIZE = 1000;
    private static final float SCALE = SIZE / MAX_EXP / 2;
    /**
     * Entry i is σ((2i/SIZE − 1)·MAX_EXP). One entry more than word2vec.c fills, because in float
     * arithmetic (x + MAX_EXP)·SCALE may round up to SIZE for x just below MAX_EXP.
     */
    private static final float[] TABLE = new float[SIZE + 1];

    static {
        for (int i = 0; i <= SIZE; i++) {
            double e = Math.exp(((double) i / SIZE * 2 - 1) * MAX_EXP);
            TABLE[i] = (float) (e / (e + 1));
        }
    }

    private SigmoidTable() {
    }

    /** σ(x) from the table: 1 above MAX_EXP, 0 below −MAX_EXP. */
    static float sigmoid(float x) {
        if (x > MAX_EXP) {
            return 1;
        }
        if (x < -MAX_EXP) {
            return 0;
        }
        return TABLE[(int) ((x + MAX_EXP) * SCALE)];
    }
}
