package dev.grove.generative.autoencoder;

import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.optim.Optimizer;
import dev.grove.neural.optim.OptimizerSpec;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mini-batch loop that trains an autoencoder or a VAE: every epoch the training rows are
 * shuffled by a stream of their own ({@code shuffle/epoch-e} of the context), each batch runs one
 * {@link Step} in a training pass with its own stream ({@code pass/step-s}), its objective is
 * back-propagated and the optimizer updates every parameter. Each epoch records the mean of every
 * loss term per image ({@code train/<term>}), {@code seconds} and {@code samples-per-second} in the
 * history, and reports progress; each step checks for cancellation. A non-finite objective stops
 * training with an error naming the epoch and the step, before the optimizer spreads it.
 */
final class EpochTrainer {

    /** One training step's forward pass on a batch. */
    @FunctionalInterface
    interface Step {

        /**
         * The batch's objective (a scalar to back-propagate) and the sums over the batch's images of
         * every term the trainer reports, in the order of the trainer's term names.
         */
        Result run(ImageBatches.Batch batch, Pass pass);
    }

    /**
     * A step's outcome.
     *
     * @param objective the scalar to minimise
     * @param termSums  each reported term summed over the batch's images
     */
    record Result(Tensor objective, double[] termSums) {
    }

    private final String component;
    private final RunContext context;
    private final List<Parameter> parameters;
    private final Optimizer optimizer;
    private final float learningRate;
    private final int epochs;
    private final int batchSize;
    private final List<String> terms;

    /**
     * @param component the estimator's name, for progress and errors
     * @param terms     the names of the reported terms ({@code loss} first by convention)
     */
    EpochTrainer(String component, RunContext context, List<Parameter> parameters, OptimizerSpec optimizer, int epochs,
                 int batchSize, List<String> terms) {
        this.component = component;
        this.context = context;
        this.parameters = List.copyOf(parameters);
        this.optimizer = optimizer.create(this.parameters);
        this.learningRate = optimizer.learningRate();
        this.epochs = epochs;
        this.batchSize = batchSize;
        this.terms = List.copyOf(terms);
    }

    /** Trains on every row of {@code batches} ({@code rows} of them) for all epochs. */
    void run(ImageBatches batches, int rows, Step step) {
        if (rows == 0) {
            throw new IllegalArgumentException(component + ": no training images");
        }
        Rng shuffles = context.rng("shuffle");
        Rng passes = context.rng("pass");
        int stepsPerEpoch = (rows + batchSize - 1) / batchSize;
        long globalStep = 0;
        int[] order = new int[rows];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long started = System.nanoTime();
            Arrays.setAll(order, i -> i);
            shuffles.derive("epoch-" + epoch).shuffle(order);
            double[] sums = new double[terms.size()];
            for (int b = 0; b < stepsPerEpoch; b++) {
                context.checkCancelled();
                int from = b * batchSize;
                ImageBatches.Batch batch = batches.load(order, from, Math.min(batchSize, rows - from));
                Result result = step.run(batch, new Pass(true, passes.derive("step-" + globalStep)));
                float objective = result.objective().item();
                if (!Float.isFinite(objective)) {
                    throw diverged(epoch, b + 1, stepsPerEpoch, objective, result.termSums());
                }
                result.objective().backward();
                optimizer.step(learningRate);
                for (Parameter p : parameters) {
                    p.value().zeroGrad();
                }
                for (int t = 0; t < sums.length; t++) {
                    sums[t] += result.termSums()[t];
                }
                globalStep++;
            }
            double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
            Map<String, Double> figures = new LinkedHashMap<>();
            for (int t = 0; t < sums.length; t++) {
                figures.put("train/" + terms.get(t), sums[t] / rows);
            }
            figures.put("seconds", seconds);
            figures.put("samples-per-second", rows / seconds);
            context.recordHistory(epoch, figures);
            context.progress().update(component, epoch, epochs, String.format(Locale.ROOT, "epoch %d/%d %s %.4f",
                    epoch, epochs, terms.get(0), sums[0] / rows));
        }
    }

    private IllegalStateException diverged(int epoch, int step, int steps, float objective, double[] termSums) {
        StringBuilder parts = new StringBuilder();
        for (int t = 0; t < terms.size(); t++) {
            parts.append(t == 0 ? "" : ", ").append(terms.get(t)).append(' ').append(termSums[t]);
        }
        return new IllegalStateException(component + ": training diverged at epoch " + epoch + ", step " + step + " of "
                + steps + ": the objective is " + objective + " (batch sums: " + parts + "). Try a lower learning rate"
                + " (this run used " + learningRate + ")");
    }
}
