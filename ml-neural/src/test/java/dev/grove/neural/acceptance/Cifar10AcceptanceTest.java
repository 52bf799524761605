package dev.grove.neural.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grove.api.data.LoadedData;
import dev.grove.api.run.RunContext;
import dev.grove.neural.data.Cifar10Params;
import dev.grove.neural.data.Cifar10Source;
import java.nio.file.Files;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The course's CNN on CIFAR-10 (run with {@code ./mvnw test -Pacceptance} and GROVE_DATA pointing at
 * the folder with cifar10-train-10k.bin.gz and cifar10-test.bin.gz): 15 epochs of Adam 1e-3 in
 * batches of 64 on the 10,000-image sample, tested on the 10,000 test images, within 0.03 of
 * PyTorch's 0.5705 for the same recipe.
 */
@Tag("acceptance")
class Cifar10AcceptanceTest {

    private static final double PYTORCH = 0.5705;

    @Test
    void theCourseCnnMatchesPyTorchWithinThreePoints() {
        RunContext context = RunContext.withSeed(42);
        assumeTrue(Files.exists(context.resolvePath("cifar10-train-10k.bin.gz")),
                "CIFAR-10 sample not found: set GROVE_DATA (or -Dgrove.data) to the folder holding cifar10-train-10k.bin.gz");
        LoadedData data = new Cifar10Source(Cifar10Params.trainTest("cifar10-train-10k.bin.gz", "cifar10-test.bin.gz"))
                .load(context);
        double accuracy = Recipes.testAccuracy(Recipes.courseCnn(), Recipes.adam(15, 64), data.data(), data.test(), 42);
        assertThat(accuracy).as("course CNN, 15 epochs (PyTorch: %s)", PYTORCH).isBetween(PYTORCH - 0.03, PYTORCH + 0.03);
    }
}
