package dev.grove.neural.network;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classification;
import dev.grove.api.model.Classifier;
import dev.grove.api.text.TokenGenerator;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.Map;

/**
 * A network trained for next-token prediction on a token stream ({@code train.sequence}): it takes
 * windows of {@link #contextLength()} token ids and scores every vocabulary token at every position.
 *
 * <p>As a {@link Classifier} of a token stream (one token per row), the class of row r is the token
 * at r and its probabilities are the model's prediction from the tokens before it: the stream is cut
 * into consecutive windows, position j of a window predicting the row after it, so the log-loss of
 * the rows is the cross-entropy per token and its exponential the perplexity. The first row has no
 * token before it and gets the uniform distribution. The network must be causal (a recurrent network
 * or a decoder whose attention is masked): a position's output may depend only on it and the ones
 * before, which is also what makes a shorter prompt exact when it is padded on the right.
 */
public final class NetworkLanguageModel extends NetworkModel implements Classifier, TokenGenerator {

    /** The state attribute holding the window length. */
    static final String SEQUENCE_ATTRIBUTE = "sequence";

    private final int sequence;
    private final int vocabulary;

    NetworkLanguageModel(Schema schema, Layer network, Map<String, String> initialisation, int sequence) {
        super(schema, network, initialisation);
        this.sequence = sequence;
        this.vocabulary = schema.classLabels().size();
    }

    @Override
    public int contextLength() {
        return sequence;
    }

    @Override
    Map<String, String> kindAttributes() {
        return Map.of(SEQUENCE_ATTRIBUTE, Integer.toString(sequence));
    }

    @Override
    public int[] predict(Dataset data) {
        return classify(data).classes();
    }

    @Override
    public double[][] predictProba(Dataset data) {
        return classify(data).probabilities();
    }

    @Override
    public Classification classify(Dataset data) {
        checkColumns(data);
        int rows = data.rows();
        double[][] probabilities = new double[rows][];
        int[] classes = new int[rows];
        if (rows == 0) {
            return new Classification(classes, probabilities);
        }
        probabilities[0] = new double[vocabulary];
        Arrays.fill(probabilities[0], 1.0 / vocabulary);
        float[] tokens = new float[rows];
        for (int r = 0; r < rows; r++) {
            tokens[r] = (float) data.feature(r, 0);
        }
        try (var off = Grad.off()) {
            // Window w's inputs are rows [start, start + T) and predict rows start + 1 … start + T.
            for (int predicted = 1; predicted < rows; predicted += sequence) {
                int start = predicted - 1;
                int count = Math.min(sequence, rows - predicted);
                float[] logits = windowLogits(Arrays.copyOfRange(tokens, start, start + count));
                for (int j = 0; j < count; j++) {
                    probabilities[predicted + j] = softmax(logits, j * vocabulary, 1.0);
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            classes[r] = argmax(probabilities[r]);
        }
        return new Classification(classes, probabilities);
    }

    @Override
    public int[] generate(int[] context, int count, double temperature, int topK, long seed) {
        if (context.length == 0 || context.length > sequence) {
            throw new IllegalArgumentException("generate: the prompt must hold 1 to " + sequence
                    + " tokens (the model's context), got " + context.length);
        }
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("generate: the temperature must be above 0, got " + temperature);
        }
        if (topK < 0 || count < 0) {
            throw new IllegalArgumentException("generate: top-k and the token count must be at least 0, got top-k "
                    + topK + " and " + count + " tokens");
        }
        for (int i = 0; i < context.length; i++) {
            if (context[i] < 0 || context[i] >= vocabulary) {
                throw new IllegalArgumentException("generate: prompt token " + (i + 1) + " has id " + context[i]
                        + ", outside the vocabulary of " + vocabulary + " tokens");
            }
        }
        Rng rng = new Rng(seed);
        int[] all = Arrays.copyOf(context, context.length + count);
        try (var off = Grad.off()) {
            for (int made = 0; made < count; made++) {
                int length = context.length + made;
                int from = Math.max(0, length - sequence);
                float[] window = new float[length - from];
                for (int i = from; i < length; i++) {
                    window[i - from] = all[i];
                }
                float[] logits = windowLogits(window);
                double[] p = softmax(logits, (window.length - 1) * vocabulary, temperature);
                all[length] = draw(p, topK, rng);
            }
        }
        return Arrays.copyOfRange(all, context.length, all.length);
    }

    /**
     * The first window of the token stream: its first T tokens (fewer when the stream is shorter,
     * padded on the right with token 0 as {@link #generate} pads a short prompt, the padding not shown).
     */
    @Override
    AttentionMaps.Sentence firstSentence(Dataset data) {
        checkColumns(data);
        int count = Math.min(sequence, data.rows());
        float[] input = new float[sequence];
        for (int r = 0; r < count; r++) {
            input[r] = (float) data.feature(r, 0);
        }
        int[] shown = new int[count];
        Arrays.setAll(shown, i -> i);
        return new AttentionMaps.Sentence(input, null, shown);
    }

    /**
     * The logits of one window of up to T tokens, placed at the window's start and padded on the right
     * with token 0 (which a causal network's earlier positions never see): [tokens.length * vocabulary].
     */
    private float[] windowLogits(float[] tokens) {
        float[] input = Arrays.copyOf(tokens, sequence);
        Tensor output = network().forwardBeforeActivation(Tensor.of(input, 1, sequence), Pass.inference());
        return Arrays.copyOf(output.toFloatArray(), tokens.length * vocabulary);
    }

    /** softmax(logits / temperature) of one position, in float64 after subtracting the largest logit. */
    private double[] softmax(float[] logits, int offset, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < vocabulary; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double[] p = new double[vocabulary];
        double sum = 0;
        for (int k = 0; k < vocabulary; k++) {
            p[k] = Math.exp((logits[offset + k] - max) / temperature);
            sum += p[k];
        }
        for (int k = 0; k < vocabulary; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** A token drawn from {@code p} restricted to its {@code topK} largest entries (ties to the lower id). */
    private static int draw(double[] p, int topK, Rng rng) {
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        int kept = topK == 0 ? p.length : Math.min(topK, p.length);
        double total = 0;
        for (int i = 0; i < kept; i++) {
            total += p[order[i]];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < kept - 1; i++) {
            u -= p[order[i]];
            if (u < 0) {
                return order[i];
            }
        }
        return order[kept - 1];
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }
}
