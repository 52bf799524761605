package dev.grove.neural.demo;

import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import dev.grove.tensor.kernel.KernelSelector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first end-to-end run until the experiment runtime exists: trains a 4-16-3 multilayer perceptron
 * on iris with nothing but tensors and autograd (full-batch Adam, cross-entropy), printing the loss
 * as it falls and the accuracy on a held-out stratified 20% split.
 *
 * <p>Usage: {@code IrisMlp [path/to/iris.csv] [seed]}.
 */
public final class IrisMlp {

    private static final int HIDDEN = 16;
    private static final int EPOCHS = 300;
    private static final float LEARNING_RATE = 0.02f;

    private IrisMlp() {
    }

    /** The iris rows: features and integer class labels, with the label names in first-seen order. */
    record IrisData(float[][] features, int[] labels, List<String> classes) {
    }

    /** What a run produced: the loss after every epoch and the final accuracies. */
    public record Result(float[] lossPerEpoch, double trainAccuracy, double testAccuracy) {
    }

    /** Trains, printing progress to standard output. */
    public static Result run(Path csv, long seed) {
        IrisData data = read(csv);
        Rng rng = new Rng(seed);
        int[][] split = stratifiedSplit(data.labels, data.classes.size(), 0.2, rng.derive("split"));
        Tensor xTrain = rows(data.features, split[0]);
        Tensor xTest = rows(data.features, split[1]);
        // Standardise with training statistics only: the test rows never inform preprocessing.
        Tensor mean = xTrain.mean(new int[] {0}, true);
        Tensor std = xTrain.var(new int[] {0}, true).sqrt().add(1e-6f);
        xTrain = xTrain.sub(mean).div(std);
        xTest = xTest.sub(mean).div(std);
        int classes = data.classes.size();
        Tensor yTrain = oneHot(data.labels, split[0], classes);

        Rng init = rng.derive("init");
        Tensor w1 = Tensor.randn(init, 4, HIDDEN).mul((float) Math.sqrt(1.0 / 4)).requiresGrad(true);
        Tensor b1 = Tensor.zeros(HIDDEN).requiresGrad(true);
        Tensor w2 = Tensor.randn(init, HIDDEN, classes).mul((float) Math.sqrt(1.0 / HIDDEN)).requiresGrad(true);
        Tensor b2 = Tensor.zeros(classes).requiresGrad(true);
        List<Tensor> params = List.of(w1, b1, w2, b2);
        Adam adam = new Adam(params, LEARNING_RATE);

        System.out.printf("iris: %d training rows, %d test rows, %d classes; kernels: %s%n",
                split[0].length, split[1].length, classes, KernelSelector.active().name());
        float[] losses = new float[EPOCHS];
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            Tensor logits = xTrain.matmul(w1).add(b1).tanh().matmul(w2).add(b2);
            Tensor loss = logits.logSoftmax(1).mul(yTrain).sum(1).mean().neg();
            params.forEach(Tensor::zeroGrad);
            loss.backward();
            adam.step();
            losses[epoch - 1] = loss.item();
            if (epoch == 1 || epoch % 30 == 0) {
                System.out.printf("epoch %3d  loss %.4f%n", epoch, loss.item());
            }
        }
        double trainAccuracy = accuracy(xTrain, data.labels, split[0], w1, b1, w2, b2);
        double testAccuracy = accuracy(xTest, data.labels, split[1], w1, b1, w2, b2);
        System.out.printf("train accuracy %.3f%ntest accuracy  %.3f%n", trainAccuracy, testAccuracy);
        return new Result(losses, trainAccuracy, testAccuracy);
    }

    /** Entry point for {@code ./grove demo iris}. */
    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "datasets/iris.csv");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42L;
        run(csv, seed);
    }

    private static double accuracy(Tensor x, int[] labels, int[] rows, Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
        try (var g = Grad.off()) {
            float[] predicted = x.matmul(w1).add(b1).tanh().matmul(w2).add(b2).argmax(1).toFloatArray();
            int correct = 0;
            for (int i = 0; i < rows.length; i++) {
                if ((int) predicted[i] == labels[rows[i]]) {
                    correct++;
                }
            }
            return correct / (double) rows.length;
        }
    }

    static IrisData read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the iris data at " + csv.toAbsolutePath()
                    + " (run from the repository root, or pass the CSV path as the first argument)", e);
        }
        Map<String, Integer> classIds = new LinkedHashMap<>();
        List<float[]> features = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int lineNo = 2; lineNo <= lines.size(); lineNo++) {
            String line = lines.get(lineNo - 1).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 5) {
                throw new IllegalArgumentException(csv + " line " + lineNo + ": expected 5 comma-separated values "
                        + "(4 measurements and a species), found " + cells.length);
            }
            float[] row = new float[4];
            for (int j = 0; j < 4; j++) {
                try {
                    row[j] = Float.parseFloat(cells[j].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(csv + " line " + lineNo + " column " + (j + 1)
                            + ": '" + cells[j] + "' is not a number", e);
                }
            }
            features.add(row);
            labels.add(classIds.computeIfAbsent(cells[4].trim(), k -> classIds.size()));
        }
        return new IrisData(features.toArray(new float[0][]), labels.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(classIds.keySet()));
    }

    /** Row indices for training and test, with each class split in the same proportion. */
    static int[][] stratifiedSplit(int[] labels, int classes, double testFraction, Rng rng) {
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            int[] order = members.stream().mapToInt(Integer::intValue).toArray();
            rng.shuffle(order);
            int testCount = (int) Math.round(order.length * testFraction);
            for (int i = 0; i < order.length; i++) {
                (i < testCount ? test : train).add(order[i]);
            }
        }
        return new int[][] {train.stream().mapToInt(Integer::intValue).sorted().toArray(),
                test.stream().mapToInt(Integer::intValue).sorted().toArray()};
    }

    private static Tensor rows(float[][] features, int[] rows) {
        float[][] picked = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = features[rows[i]];
        }
        return Tensor.of(picked);
    }

    private static Tensor oneHot(int[] labels, int[] rows, int classes) {
        float[] values = new float[rows.length * classes];
        for (int i = 0; i < rows.length; i++) {
            values[i * classes + labels[rows[i]]] = 1f;
        }
        return Tensor.of(values, rows.length, classes);
    }
}
