package dev.grove.generative.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.generative.autoencoder.Autoencoder;
import dev.grove.generative.autoencoder.AutoencoderModel;
import dev.grove.generative.autoencoder.AutoencoderParams;
import dev.grove.neural.data.MnistParams;
import dev.grove.neural.data.MnistSource;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The denoising figure of issue 7 (run with {@code ./mvnw test -Pacceptance}): a denoising
 * autoencoder 784-512-128-512-784 trained on the first 8,000 MNIST t10k images with Gaussian noise
 * of 0.3 (clipped to [0, 1]), then given the last 2,000 images with fresh noise of the same level:
 * the PSNR of its output against the clean images must be at least 4 dB above the noisy input's.
 * The recipe is examples/mnist-denoising-autoencoder.yaml's.
 */
@Tag("acceptance")
class AutoencoderAcceptanceTest {

    @Test
    void theDenoisingAutoencoderGainsAtLeastFourDecibels() {
        Dataset all = new MnistSource(MnistParams.of("../datasets/mnist-t10k-images-idx3-ubyte.gz",
                "../datasets/mnist-t10k-labels-idx1-ubyte.gz")).load(RunContext.withSeed(0)).data();
        Dataset train = all.view(IntStream.range(0, 8000).toArray());
        Dataset test = all.view(IntStream.range(8000, 10000).toArray());
        AutoencoderParams params = AutoencoderParams.of(List.of(new DenseSpec(DenseParams.of(512, "relu"))),
                List.of(new DenseSpec(DenseParams.of(512, "relu"))), 128).withNoise("gaussian", 0.3).withEpochs(20);
        long started = System.nanoTime();
        AutoencoderModel denoiser = new Autoencoder(params).fit(train, RunContext.withSeed(42));
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> figures = denoiser.evaluate(test, 42);
        System.out.printf(Locale.ROOT, "denoising autoencoder 784-512-128, 20 epochs: %.1f s; test %s%n", seconds, figures);
        assertThat(figures.get("denoised-psnr") - figures.get("noisy-psnr")).as("dB gained over the noisy input")
                .isGreaterThanOrEqualTo(4.0);
    }
}
