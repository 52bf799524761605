package dev.grove.generative.acceptance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.generative.gan.GanParams;
import dev.grove.neural.data.MnistParams;
import dev.grove.neural.data.MnistSource;
import dev.grove.neural.layer.ActivationSpec;
import dev.grove.neural.layer.Conv2dParams;
import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.DropoutParams;
import dev.grove.neural.layer.DropoutSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.LeakyReluParams;
import dev.grove.neural.layer.Pool2dParams;
import dev.grove.neural.layer.Pool2dSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.network.NetworkParams;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.train.TrainParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the GAN acceptance test uses, written in Java as an embedder would: the MNIST data of the
 * issue (the first 8,000 images of the t10k set), the conditional GAN of
 * examples/mnist-conditional-gan.yaml, and the judge, the CNN of examples/mnist-cnn.yaml.
 */
final class GanMnistRecipe {

    /** Training images: the first 8,000 of the t10k set. */
    static final int TRAIN_ROWS = 8000;

    private GanMnistRecipe() {
    }

    /** All 10,000 t10k images in file order, pixels in [0, 1]; the test is skipped when the files are missing. */
    static Dataset mnist() {
        return new MnistSource(MnistParams.of(dataFile("mnist-t10k-images-idx3-ubyte.gz"),
                dataFile("mnist-t10k-labels-idx1-ubyte.gz"))).load(RunContext.withSeed(0)).data();
    }

    /** The repository's copy of a data file, else the data directory's (GROVE_DATA or -Dgrove.data). */
    private static String dataFile(String name) {
        RunContext context = RunContext.withSeed(0);
        for (String candidate : new String[] {"../datasets/" + name, name}) {
            Path resolved = context.resolvePath(candidate);
            if (Files.exists(resolved)) {
                return resolved.toString();
            }
        }
        assumeTrue(false, name + " not found in ../datasets nor in the data directory: set GROVE_DATA (or -Dgrove.data)"
                + " to the folder holding it");
        return name;
    }

    /** Rows {@code [from, to)} of {@code data}, in order (the runtime's split with {@code shuffle: false}). */
    static Dataset rows(Dataset data, int from, int to) {
        return data.view(IntStream.range(from, to).toArray());
    }

    /**
     * The conditional GAN of examples/mnist-conditional-gan.yaml: generator 110-256-512-784, discriminator
     * 794-512-256-1, leaky ReLU 0.2, dropout 0.3 in the discriminator, batches of 32, Adam 5e-4 with
     * beta1 0.5 for both. (With the textbook 2e-4 and batches of 64, 30 epochs of 8,000 images, 3,750
     * steps, left the generator ignoring the class: the conditioning appears only after several
     * thousand steps, so this recipe takes more, smaller steps at a higher rate.)
     */
    static GanParams conditionalGan(int epochs) {
        List<LayerSpec> generator = List.of(dense(256), leaky(), dense(512), leaky());
        List<LayerSpec> discriminator = List.of(dense(512), leaky(), dropout(), dense(256), leaky(), dropout());
        Adam adam = new Adam(new AdamParams(5e-4, 0.5, 0.999, 1e-8, 0));
        return GanParams.of(generator, discriminator).withConditional(true).withEpochs(epochs).withBatchSize(32)
                .withOptimizers(adam, adam);
    }

    /** The CNN of examples/mnist-cnn.yaml: conv 32, pool, conv 64, pool, dense 128, dense 10; Adam 1e-3, 5 epochs. */
    static NetworkParams judge() {
        LayerSpec layers = SequentialSpec.of(
                new Conv2dSpec(Conv2dParams.of(32, 3, "valid", "relu")),
                Pool2dSpec.max(Pool2dParams.of(2)),
                new Conv2dSpec(Conv2dParams.of(64, 3, "valid", "relu")),
                Pool2dSpec.max(Pool2dParams.of(2)),
                new FlattenSpec(),
                new DenseSpec(DenseParams.of(128, "relu")),
                new DenseSpec(DenseParams.of(10, "softmax")));
        TrainParams train = TrainParams.defaults(new CrossEntropyLoss(), new Adam(new AdamParams(1e-3, 0.9, 0.999, 1e-8, 0)))
                .withBatchSize(64).withEpochs(5);
        return new NetworkParams(layers, train);
    }

    private static LayerSpec dense(int units) {
        return new DenseSpec(DenseParams.of(units, "linear"));
    }

    private static LayerSpec leaky() {
        return ActivationSpec.leakyRelu(new LeakyReluParams(0.2));
    }

    private static LayerSpec dropout() {
        return new DropoutSpec(new DropoutParams(0.3));
    }
}
