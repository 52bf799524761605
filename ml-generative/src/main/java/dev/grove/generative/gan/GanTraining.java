package dev.grove.generative.gan;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.optim.Optimizer;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One GAN training run, used once by {@link Gan#fit}: epochs over the shuffled training images,
 * each batch one discriminator step, and every k-th discriminator step followed by a generator step.
 *
 * <p>A discriminator step scores a batch of real images and as many generated ones (the generator
 * runs without recording gradients) and lowers {@link GanLosses#discriminator}. A generator step
 * draws fresh noise, scores the generated images with the discriminator, whose parameters are
 * taken out of the graph for that step so no gradient is spent on them, and lowers
 * {@link GanLosses#generator}. When conditional, the generated images of a step take the classes of
 * the step's real batch, so both see the data's class frequencies.
 *
 * <p>Every random draw comes from a stream derived from the context's seed and the epoch or step
 * (shuffling, noise, dropout), so the same seed trains the same networks.
 */
final class GanTraining {

    private static final String TASK = "gan";

    private final GanNetworks networks;
    private final GanParams params;
    private final Dataset data;
    private final RunContext context;
    private final List<Parameter> generatorParameters;
    private final List<Parameter> discriminatorParameters;
    private final Optimizer generatorOptimizer;
    private final Optimizer discriminatorOptimizer;
    private final float generatorRate;
    private final float discriminatorRate;
    private final int batchSize;
    private final int stepsPerEpoch;
    private final long totalSteps;
    private final int[] sampleShape;
    private final Rng shuffleStreams;
    private final Rng noiseStreams;
    private final Rng passStreams;
    private float[] realBuffer;
    private long step;

    /** Epoch sums of the figures reported per epoch. */
    private double discriminatorLossSum;
    private double generatorLossSum;
    private double realScoreSum;
    private double fakeScoreSum;
    private long discriminatorSamples;
    private long generatorSamples;

    GanTraining(GanNetworks networks, GanParams params, Dataset data, RunContext context) {
        this.networks = networks;
        this.params = params;
        this.data = data;
        this.context = context;
        this.generatorParameters = networks.generatorParameters();
        this.discriminatorParameters = networks.discriminatorParameters();
        this.generatorOptimizer = params.generatorOptimizer().create(generatorParameters);
        this.discriminatorOptimizer = params.discriminatorOptimizer().create(discriminatorParameters);
        this.generatorRate = params.generatorOptimizer().learningRate();
        this.discriminatorRate = params.discriminatorOptimizer().learningRate();
        this.batchSize = Math.min(params.batchSize(), data.rows());
        this.stepsPerEpoch = (data.rows() + batchSize - 1) / batchSize;
        // The generator steps once every discriminator-steps batches; more than an epoch's batches
        // would leave whole epochs without a generator step (and without a generator loss).
        if (params.discriminatorSteps() > stepsPerEpoch) {
            throw new IllegalArgumentException("gan: discriminator-steps " + params.discriminatorSteps() + " is more than"
                    + " the " + stepsPerEpoch + " batches of an epoch (" + data.rows() + " rows in batches of " + batchSize
                    + "), so some epochs would never train the generator; use at most " + stepsPerEpoch
                    + " discriminator steps" + (params.discriminatorSteps() <= data.rows() ? ", or a smaller batch-size"
                    : " (even batches of one row give only " + data.rows() + ")"));
        }
        this.totalSteps = (long) stepsPerEpoch * params.epochs();
        this.sampleShape = networks.sampleShape();
        this.shuffleStreams = context.rng("shuffle");
        this.noiseStreams = context.rng("noise");
        this.passStreams = context.rng("pass");
    }

    /** Trains for every epoch, recording each epoch's figures in the context's history. */
    void run() {
        generatorParameters.forEach(p -> p.value().zeroGrad());
        discriminatorParameters.forEach(p -> p.value().zeroGrad());
        for (int epoch = 1; epoch <= params.epochs(); epoch++) {
            context.recordHistory(epoch, trainEpoch(epoch));
        }
    }

    private Map<String, Double> trainEpoch(int epoch) {
        long started = System.nanoTime();
        int rows = data.rows();
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        shuffleStreams.derive("epoch-" + epoch).shuffle(order);
        discriminatorLossSum = 0;
        generatorLossSum = 0;
        realScoreSum = 0;
        fakeScoreSum = 0;
        discriminatorSamples = 0;
        generatorSamples = 0;
        for (int b = 0; b < stepsPerEpoch; b++) {
            context.checkCancelled();
            int from = b * batchSize;
            int[] selected = Arrays.copyOfRange(order, from, Math.min(rows, from + batchSize));
            int[] labels = networks.conditional() ? labels(selected) : null;
            step++;
            discriminatorStep(epoch, realBatch(selected), labels);
            if (step % params.discriminatorSteps() == 0) {
                generatorStep(epoch, labels, selected.length);
            }
            context.progress().update(TASK, step, totalSteps, String.format(Locale.ROOT,
                    "epoch %d/%d d-loss %.4f g-loss %.4f", epoch, params.epochs(),
                    discriminatorLossSum / discriminatorSamples,
                    generatorSamples == 0 ? Double.NaN : generatorLossSum / generatorSamples));
        }
        double seconds = Math.max(1, System.nanoTime() - started) / 1e9;
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("train/discriminator-loss", discriminatorLossSum / discriminatorSamples);
        figures.put("train/generator-loss", generatorSamples == 0 ? Double.NaN : generatorLossSum / generatorSamples);
        figures.put("train/d-real", realScoreSum / discriminatorSamples);
        figures.put("train/d-fake", fakeScoreSum / discriminatorSamples);
        figures.put("seconds", seconds);
        figures.put("samples-per-second", discriminatorSamples / seconds);
        return figures;
    }

    private Tensor realBatch(int[] selected) {
        int size = selected.length * networks.sampleSize();
        if (realBuffer == null || realBuffer.length != size) {
            realBuffer = new float[size];
        }
        data.rowsAsFloats(selected, realBuffer);
        GanNetworks.toNetworkScale(realBuffer);
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = selected.length;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return Tensor.of(realBuffer, shape);
    }

    private int[] labels(int[] selected) {
        int[] labels = new int[selected.length];
        for (int i = 0; i < selected.length; i++) {
            labels[i] = data.label(selected[i]);
        }
        return labels;
    }

    /** One step of the discriminator on {@code real} and as many generated images. */
    private void discriminatorStep(int epoch, Tensor real, int[] labels) {
        int count = real.dim(0);
        String name = "step-" + step + "/discriminator";
        Tensor noise = Tensor.randn(noiseStreams.derive(name), count, networks.latentDim());
        Tensor fake;
        try (var off = Grad.off()) {
            fake = networks.generate(noise, labels, new Pass(true, passStreams.derive(name + "/generator")));
        }
        Tensor realLogits = networks.discriminate(real, labels, new Pass(true, passStreams.derive(name + "/real")));
        Tensor fakeLogits = networks.discriminate(fake, labels, new Pass(true, passStreams.derive(name + "/fake")));
        Tensor loss = GanLosses.discriminator(realLogits, fakeLogits, params.labelSmoothing());
        float value = loss.item();
        if (!Float.isFinite(value)) {
            throw diverged("discriminator", value, epoch);
        }
        loss.backward();
        discriminatorOptimizer.step(discriminatorRate);
        discriminatorParameters.forEach(p -> p.value().zeroGrad());
        discriminatorLossSum += (double) value * count;
        realScoreSum += sigmoidSum(realLogits);
        fakeScoreSum += sigmoidSum(fakeLogits);
        discriminatorSamples += count;
    }

    /** One step of the generator on {@code count} generated images (of the given classes when conditional). */
    private void generatorStep(int epoch, int[] labels, int count) {
        String name = "step-" + step + "/generator";
        Tensor noise = Tensor.randn(noiseStreams.derive(name), count, networks.latentDim());
        Pass pass = new Pass(true, passStreams.derive(name));
        discriminatorParameters.forEach(p -> p.value().requiresGrad(false));
        try {
            Tensor logits = networks.discriminate(networks.generate(noise, labels, pass), labels, pass);
            Tensor loss = GanLosses.generator(logits);
            float value = loss.item();
            if (!Float.isFinite(value)) {
                throw diverged("generator", value, epoch);
            }
            loss.backward();
            generatorOptimizer.step(generatorRate);
            generatorParameters.forEach(p -> p.value().zeroGrad());
            generatorLossSum += (double) value * count;
            generatorSamples += count;
        } finally {
            discriminatorParameters.forEach(p -> p.value().requiresGrad(true));
        }
    }

    private static double sigmoidSum(Tensor logits) {
        double sum = 0;
        for (float z : logits.toFloatArray()) {
            sum += 1 / (1 + Math.exp(-z));
        }
        return sum;
    }

    private IllegalStateException diverged(String network, float value, int epoch) {
        return new IllegalStateException("gan: training diverged at epoch " + epoch + ", step " + step + " of "
                + totalSteps + ": the " + network + " loss is " + value + ". Try lower learning rates (generator "
                + generatorRate + ", discriminator " + discriminatorRate + ") or label-smoothing");
    }
}
