package com.example.toynet;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.ModelState;

/** A fitted toy network: softmax regression weights, {@code [features + 1, classes]} row-major. */
public record ToyModel(Schema schema, double[] weights) implements Classifier {

    /** Rebuilds a saved model. */
    static ToyModel restore(Schema schema, ModelState state) {
        return new ToyModel(schema, state.doubles("weights", schema.featureCount() + 1, schema.classLabels().size()));
    }

    @Override
    public int[] predict(Dataset data) {
        double[][] p = predictProba(data);
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            for (int c = 1; c < p[i].length; c++) {
                out[i] = p[i][c] > p[i][out[i]] ? c : out[i];
            }
        }
        return out;
    }

    @Override
    public double[][] predictProba(Dataset data) {
        int f = schema.featureCount();
        double[][] out = new double[data.rows()][];
        double[] x = new double[f];
        for (int i = 0; i < data.rows(); i++) {
            data.row(i, x);
            out[i] = probabilities(x, weights, f, schema.classLabels().size());
        }
        return out;
    }

    @Override
    public ModelState state() {
        return ModelState.builder().put("weights", weights, schema.featureCount() + 1, schema.classLabels().size()).build();
    }

    /** Softmax of the logits of {@code x}, computed stably. */
    static double[] probabilities(double[] x, double[] w, int f, int k) {
        double[] z = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            z[c] = w[f * k + c];
            for (int j = 0; j < f; j++) {
                z[c] += x[j] * w[j * k + c];
            }
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < k; c++) {
            z[c] /= sum;
        }
        return z;
    }
}
