package dev.grove.neural.acceptance;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Conv2dParams;
import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Pool2dParams;
import dev.grove.neural.layer.Pool2dSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.network.Network;
import dev.grove.neural.network.NetworkParams;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.train.TrainParams;

/**
 * The networks and training recipes of the acceptance figures, written as an embedder would: the
 * same layers as the example experiment files (examples/mnist-mlp.yaml, mnist-cnn.yaml,
 * cifar10-cnn.yaml), Adam at 1e-3 and cross-entropy, as PyTorch's reference script trains them.
 */
final class Recipes {

    private Recipes() {
    }

    /** Flatten, then 784-256-128-10 with relu. */
    static LayerSpec mlp() {
        return SequentialSpec.of(new FlattenSpec(), dense(256, "relu"), dense(128, "relu"), dense(10, "softmax"));
    }

    /** conv 32 → pool → conv 64 → pool → dense 128 → 10, valid 3x3 convolutions. */
    static LayerSpec mnistCnn() {
        return SequentialSpec.of(conv(32), pool(), conv(64), pool(), new FlattenSpec(), dense(128, "relu"),
                dense(10, "softmax"));
    }

    /** The course's CNN: conv 32, 64, 64 (3x3 valid), pooling after the first two, dense 64, dense 10. */
    static LayerSpec courseCnn() {
        return SequentialSpec.of(conv(32), pool(), conv(64), pool(), conv(64), new FlattenSpec(), dense(64, "relu"),
                dense(10, "softmax"));
    }

    /** Adam 1e-3 and cross-entropy for {@code epochs} epochs of {@code batchSize} rows. */
    static TrainParams adam(int epochs, int batchSize) {
        return TrainParams.defaults(new CrossEntropyLoss(), new Adam(AdamParams.defaults()))
                .withEpochs(epochs).withBatchSize(batchSize);
    }

    /** Trains {@code model} on {@code train} and returns its accuracy on {@code test}. */
    static double testAccuracy(LayerSpec model, TrainParams params, Dataset train, Dataset test, long seed) {
        Classifier fitted = (Classifier) new Network(new NetworkParams(model, params)).fit(train, RunContext.withSeed(seed));
        int[] predicted = fitted.predict(test);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == test.label(i)) {
                correct++;
            }
        }
        return correct / (double) predicted.length;
    }

    static DenseSpec dense(int units, String activation) {
        return new DenseSpec(DenseParams.of(units, activation));
    }

    private static Conv2dSpec conv(int filters) {
        return new Conv2dSpec(Conv2dParams.of(filters, 3, "valid", "relu"));
    }

    private static Pool2dSpec pool() {
        return Pool2dSpec.max(Pool2dParams.of(2));
    }
}
