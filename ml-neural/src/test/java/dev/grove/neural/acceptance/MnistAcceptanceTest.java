package dev.grove.neural.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.neural.data.MnistParams;
import dev.grove.neural.data.MnistSource;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * MNIST figures of the neural family (run with {@code ./mvnw test -Pacceptance}): train on the first
 * 8,000 images of the t10k set, test on the last 2,000, as PyTorch's reference did
 * (/work/shared/reference/torch-quality.json: MLP 0.955 after 10 epochs, CNN 0.9745 after 5).
 */
@Tag("acceptance")
class MnistAcceptanceTest {

    private static Dataset train;
    private static Dataset test;

    @BeforeAll
    static void load() {
        Dataset all = new MnistSource(MnistParams.of("../datasets/mnist-t10k-images-idx3-ubyte.gz",
                "../datasets/mnist-t10k-labels-idx1-ubyte.gz")).load(RunContext.withSeed(0)).data();
        train = all.view(IntStream.range(0, 8000).toArray());
        test = all.view(IntStream.range(8000, 10000).toArray());
    }

    @Test
    void theMlpReachesPyTorchsAccuracy() {
        double accuracy = Recipes.testAccuracy(Recipes.mlp(), Recipes.adam(10, 128), train, test, 42);
        assertThat(accuracy).as("MLP 784-256-128-10, 10 epochs (PyTorch: 0.955)").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theSmallCnnReachesPyTorchsAccuracy() {
        double accuracy = Recipes.testAccuracy(Recipes.mnistCnn(), Recipes.adam(5, 64), train, test, 42);
        assertThat(accuracy).as("CNN c32-p-c64-p-d128, 5 epochs (PyTorch: 0.9745)").isGreaterThanOrEqualTo(0.97);
    }
}
