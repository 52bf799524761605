package dev.grove.neural.network;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.loss.Loss;
import dev.grove.neural.optim.Optimizer;
import dev.grove.neural.optim.OptimizerSpec;
import dev.grove.neural.train.TrainParams;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the estimator tests train with, written against the contracts only: plain SGD that skips
 * frozen parameters, categorical cross-entropy from logits, train params, in-memory state files,
 * and blob data sets.
 */
final class TestTraining {

    private TestTraining() {
    }

    /** w ← w − lr·g for every parameter that is not frozen and has a gradient. */
    static OptimizerSpec sgd(float lr) {
        return new OptimizerSpec() {
            @Override
            public String kind() {
                return "sgd";
            }

            @Override
            public float learningRate() {
                return lr;
            }

            @Override
            public Optimizer create(List<Parameter> parameters) {
                return new Optimizer() {
                    @Override
                    public List<Parameter> parameters() {
                        return parameters;
                    }

                    @Override
                    public void step(float learningRate) {
                        try (var off = Grad.off()) {
                            for (Parameter p : parameters) {
                                if (!p.frozen() && p.value().grad() != null) {
                                    p.value().addInPlace(p.value().grad(), -learningRate);
                                }
                            }
                        }
                    }

                    @Override
                    public Map<String, Tensor> state() {
                        return Map.of();
                    }

                    @Override
                    public void restore(Map<String, Tensor> state) {
                    }
                };
            }
        };
    }

    /**
     * Mean of −log softmax(logits)[target] over the batch, for class-index targets [batch]; a single
     * output z is the logit pair (0, z), i.e. binary cross-entropy with P(class 1) = σ(z).
     */
    static Loss crossEntropy() {
        return new Loss() {
            @Override
            public Tensor compute(Tensor output, Tensor target) {
                int batch = output.dim(0);
                Tensor logits = output.dim(1) == 1 ? Tensor.concat(1, Tensor.zeros(batch, 1), output) : output;
                return logits.logSoftmax(1).gather(1, target.reshape(batch, 1)).sum().mul(-1f / batch);
            }

            @Override
            public boolean takesLogits() {
                return true;
            }
        };
    }

    /** Mean squared error, for targets shaped like the output. */
    static Loss mse() {
        return (output, target) -> {
            Tensor difference = output.sub(target.reshape(output.shape()));
            return difference.mul(difference).mean();
        };
    }

    static TrainParams train(Loss loss, OptimizerSpec optimizer, int epochs, int batchSize, List<String> freeze,
                             String initFrom) {
        return new TrainParams(loss, optimizer, null, 0, epochs, 0, batchSize, 0, 0.0, List.of(), true, 0.0, 0.0, 0.0, 0.0, 0.0,
                null, 0, freeze, initFrom, List.of());
    }

    static TrainParams train(int epochs) {
        return train(crossEntropy(), sgd(0.5f), epochs, 32, List.of(), null);
    }

    /**
     * {@code perClass} points around each of {@code centres} (one class per centre) with standard
     * deviation 0.3, as a classification with class labels c0, c1, ….
     */
    static Dataset blobs(long seed, int perClass, double[][] centres) {
        Rng rng = new Rng(seed);
        int dims = centres[0].length;
        double[][] x = new double[perClass * centres.length][dims];
        double[] y = new double[x.length];
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < centres.length; c++) {
            labels.add("c" + c);
            for (int i = 0; i < perClass; i++) {
                int row = c * perClass + i;
                for (int j = 0; j < dims; j++) {
                    x[row][j] = centres[c][j] + 0.3 * rng.nextGaussian();
                }
                y[row] = c;
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < dims; j++) {
            names.add("x" + j);
        }
        return Dataset.of(x, y, new Schema(names, "label", labels));
    }

    /** Three separated blobs in the plane. */
    static Dataset threeBlobs(long seed, int perClass) {
        return blobs(seed, perClass, new double[][] {{0, 0}, {3, 0}, {0, 3}});
    }
}
