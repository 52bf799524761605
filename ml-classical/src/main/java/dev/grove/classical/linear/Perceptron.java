package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import dev.grove.tensor.Rng;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The historic perceptron (Rosenblatt, 1958): one neuron with a Heaviside step, ŷ = 1 if w·x + b &gt; 0
 * else 0, trained by the perceptron rule from zero weights. Each epoch visits the rows in a fresh
 * random order from the run context's stream {@code shuffle}; training stops after an epoch without
 * mistakes — which happens, by the perceptron convergence theorem, whenever the classes are
 * linearly separable — or after max-iter epochs.
 *
 * <p>Two classes use one neuron that fires for class 1. Three or more use one neuron per class, each
 * trained to fire for its class against all others (one-vs-rest); a row is assigned the class whose
 * neuron has the largest activation w·x + b.
 *
 * <p>Each epoch records {@code mistakes} (neuron updates made) in the run history.
 */
public final class Perceptron implements Estimator<PerceptronModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "perceptron";

    private final PerceptronParams params;

    /** An estimator with {@code params}. */
    public Perceptron(PerceptronParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public PerceptronParams params() {
        return params;
    }

    /**
     * Fits on {@code data}: class targets with rows of at least two classes, and finite features.
     *
     * @throws IllegalArgumentException if the data do not meet those needs
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public PerceptronModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int[] labels = Inputs.classLabels(NAME, data);
        int classes = data.schema().classLabels().size();
        requireTwoClassesPresent(data, labels, classes);
        double[] x = Inputs.finiteFeatures(NAME, data);
        int rows = labels.length;
        int features = data.featureCount();
        int neurons = classes == 2 ? 1 : classes;
        double[] weights = new double[neurons * features];
        double[] biases = new double[neurons];
        int[] order = new int[rows];
        Arrays.setAll(order, i -> i);
        Rng rng = context.rng("shuffle");
        double eta = params.eta();
        for (int epoch = 1; epoch <= params.maxIter(); epoch++) {
            context.checkCancelled();
            rng.shuffle(order);
            int mistakes = 0;
            for (int i : order) {
                int offset = i * features;
                for (int r = 0; r < neurons; r++) {
                    int target = neurons == 1 ? labels[i] : (labels[i] == r ? 1 : 0);
                    int base = r * features;
                    double activation = biases[r];
                    for (int j = 0; j < features; j++) {
                        activation += weights[base + j] * x[offset + j];
                    }
                    int fired = activation > 0 ? 1 : 0;
                    if (fired != target) {
                        double step = eta * (target - fired);
                        for (int j = 0; j < features; j++) {
                            weights[base + j] += step * x[offset + j];
                        }
                        biases[r] += step;
                        mistakes++;
                    }
                }
            }
            context.recordHistory(epoch, Map.of("mistakes", (double) mistakes));
            context.progress().update(NAME, epoch, params.maxIter(), mistakes + " mistakes");
            if (mistakes == 0) {
                return new PerceptronModel(data.schema(), weights, biases, epoch, true);
            }
        }
        return new PerceptronModel(data.schema(), weights, biases, params.maxIter(), false);
    }

    private static void requireTwoClassesPresent(Dataset data, int[] labels, int classes) {
        int[] counts = Inputs.classCounts(labels, classes);
        long present = Arrays.stream(counts).filter(count -> count > 0).count();
        if (present < 2) {
            throw new IllegalArgumentException(NAME + " needs rows of at least 2 classes to fit, but all " + labels.length
                    + " rows are class '" + data.schema().classLabels().get(labels[0]) + "'");
        }
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
