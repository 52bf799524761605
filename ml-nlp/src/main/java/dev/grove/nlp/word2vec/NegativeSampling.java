package dev.grove.nlp.word2vec;

/**
 * One negative-sampling step of word2vec.c: the input vector h (a context word's vector in
 * skip-gram, the mean of the context in CBOW) is trained to predict its target word (label 1) and
 * not the sampled negatives (label 0). For each target t with output vector v_t (a row of syn1neg):
 *
 * <pre>
 *   g = (label − σ(h·v_t))·α
 *   e += g·v_t          (the input's update, applied by the caller after all targets)
 *   v_t += g·h
 * </pre>
 *
 * σ comes from {@link SigmoidTable}. The caller zeroes {@code inputUpdate} first and adds it to the
 * input vector(s) afterwards, as word2vec.c does with neu1e.
 */
final class NegativeSampling {

    private NegativeSampling() {
    }

    /**
     * Trains input {@code input[inputOffset, +dim)} against {@code targets[0]} (label 1) and
     * {@code targets[1, count)} (label 0), updating the rows of {@code output} and accumulating the
     * input's update into {@code inputUpdate[0, dim)}.
     */
    static void train(float[] input, int inputOffset, float[] output, int[] targets, int count, float alpha, int dim,
                      float[] inputUpdate) {
        for (int d = 0; d < count; d++) {
            int row = targets[d] * dim;
            float label = d == 0 ? 1 : 0;
            float f = VectorMath.dot(input, inputOffset, output, row, dim);
            float g = (label - SigmoidTable.sigmoid(f)) * alpha;
            VectorMath.axpy(g, output, row, inputUpdate, 0, dim);
            VectorMath.axpy(g, input, inputOffset, output, row, dim);
        }
    }
}
