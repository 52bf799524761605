package dev.grove.bench.neural;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Conv2dParams;
import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Pool2dParams;
import dev.grove.neural.layer.Pool2dSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.neural.train.Trainer;
import dev.grove.tensor.Rng;
import dev.grove.tensor.ThreadBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Training throughput of the networks PyTorch's reference figures measure: the MLP 784-256-128-10
 * with batches of 128 and the course's CNN (32x32x3; conv 32, 64, 64; dense 64, 10) with batches of
 * 64, both with Adam and cross-entropy, through the real {@link Trainer} on random data. Prints
 * samples per second for each epoch after the first (which includes the JIT's warm-up) and the heap
 * in use after each epoch, measured after a garbage collection, to show that it does not grow.
 * Arguments: {@code mlp|cnn|both} (default both) and the number of epochs (default 4).
 */
public final class TrainingThroughput {

    private TrainingThroughput() {
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) {
        String which = args.length > 0 ? args[0] : "both";
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        System.out.printf(Locale.ROOT, "Grove training throughput, %d threads, max heap %d MiB%n", ThreadBudget.get(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (!which.equals("cnn")) {
            run("mlp-784-256-128-10-b128", new int[] {784}, 12_800, 128, epochs, SequentialSpec.of(
                    new DenseSpec(DenseParams.of(256, "relu")), new DenseSpec(DenseParams.of(128, "relu")),
                    new DenseSpec(DenseParams.of(10, "softmax"))));
        }
        if (!which.equals("mlp")) {
            run("course-cnn-32x32x3-b64", new int[] {3, 32, 32}, 2_560, 64, epochs, SequentialSpec.of(
                    new Conv2dSpec(Conv2dParams.of(32, 3, "valid", "relu")), Pool2dSpec.max(Pool2dParams.of(2)),
                    new Conv2dSpec(Conv2dParams.of(64, 3, "valid", "relu")), Pool2dSpec.max(Pool2dParams.of(2)),
                    new Conv2dSpec(Conv2dParams.of(64, 3, "valid", "relu")), new FlattenSpec(),
                    new DenseSpec(DenseParams.of(64, "relu")), new DenseSpec(DenseParams.of(10, "softmax"))));
        }
    }

    private static void run(String name, int[] sampleShape, int rows, int batchSize, int epochs, LayerSpec spec) {
        Dataset data = randomData(sampleShape, rows);
        Layer network = spec.build(sampleShape, new Rng(0));
        TrainParams params = TrainParams.defaults(new CrossEntropyLoss(), new Adam(AdamParams.defaults()))
                .withEpochs(epochs).withBatchSize(batchSize);
        List<Double> rates = new ArrayList<>();
        RunContext context = RunContext.builder(0).history((scope, epoch, values) -> {
            double rate = values.get("samples-per-second");
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf(Locale.ROOT, "%s epoch %d: %.1f samples/s, heap in use after GC %.1f MiB%n", name, epoch, rate,
                    heap / 1048576.0);
            if (epoch > 1) {
                rates.add(rate);
            }
        }).build();
        Trainer.train(network, params, data, null, context);
        double best = rates.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "%s: best epoch after the first %.1f samples/s%n", name, best);
    }

    /** Uniform pixels and cycling labels: throughput does not depend on what the data means. */
    private static Dataset randomData(int[] sampleShape, int rows) {
        int values = 1;
        List<Integer> shape = new ArrayList<>();
        for (int dim : sampleShape) {
            values *= dim;
            shape.add(dim);
        }
        SplittableRandom random = new SplittableRandom(1);
        float[] x = new float[rows * values];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % 10;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < values; j++) {
            names.add("x" + j);
        }
        List<String> labels = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        return Dataset.ofFloats(x, y, new Schema(names, "label", labels, shape));
    }
}
