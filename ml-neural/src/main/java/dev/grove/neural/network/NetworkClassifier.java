package dev.grove.neural.network;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classification;
import dev.grove.api.model.Classifier;
import dev.grove.neural.layer.Layer;
import java.util.Map;

/**
 * A fitted network over class targets. With one output per class the probabilities are the softmax
 * of the values before the final activation (the logits, so a final softmax is not applied twice);
 * with a single output for two classes that value is the logit z of the second class:
 * P(class 1) = σ(z), P(class 0) = σ(−z).
 */
public final class NetworkClassifier extends NetworkModel implements Classifier {

    NetworkClassifier(Schema schema, Layer network, Map<String, String> initialisation) {
        super(schema, network, initialisation);
    }

    @Override
    public int[] predict(Dataset data) {
        return classes(outputs(data, true), data.rows());
    }

    @Override
    public double[][] predictProba(Dataset data) {
        return probabilities(outputs(data, true), data.rows());
    }

    /** Classes and probabilities from one forward pass. */
    @Override
    public Classification classify(Dataset data) {
        float[] logits = outputs(data, true);
        return new Classification(classes(logits, data.rows()), probabilities(logits, data.rows()));
    }

    /** The largest logit of each row (the first on ties), or for a single output whether it is positive. */
    private int[] classes(float[] logits, int rows) {
        int width = outputWidth();
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) {
            int offset = r * width;
            if (width == 1) {
                out[r] = logits[offset] > 0 ? 1 : 0;
            } else {
                int best = 0;
                for (int k = 1; k < width; k++) {
                    if (logits[offset + k] > logits[offset + best]) {
                        best = k;
                    }
                }
                out[r] = best;
            }
        }
        return out;
    }

    private double[][] probabilities(float[] logits, int rows) {
        int width = outputWidth();
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = width == 1 ? sigmoidPair(logits[r]) : softmax(logits, r * width, width);
        }
        return out;
    }

    /** [σ(−z), σ(z)]: each computed directly, so a tiny probability keeps its digits. */
    private static double[] sigmoidPair(double z) {
        return new double[] {1 / (1 + Math.exp(z)), 1 / (1 + Math.exp(-z))};
    }

    /** Softmax in float64 after subtracting the largest logit, which keeps exp from overflowing. */
    private static double[] softmax(float[] logits, int offset, int width) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < width; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double[] p = new double[width];
        double sum = 0;
        for (int k = 0; k < width; k++) {
            p[k] = Math.exp(logits[offset + k] - max);
            sum += p[k];
        }
        for (int k = 0; k < width; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
