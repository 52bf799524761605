package dev.grove.generative.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.generative.autoencoder.Vae;
import dev.grove.generative.autoencoder.VaeModel;
import dev.grove.generative.autoencoder.VaeParams;
import dev.grove.neural.data.MnistParams;
import dev.grove.neural.data.MnistSource;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.LayerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The VAE figure of issue 7 (run with {@code ./mvnw test -Pacceptance}): the VAE 784-400-20 of
 * PyTorch's reference script (/work/shared/reference/quality_ref_torch.py), Adam 1e-3, batches of
 * 128, 20 epochs on the first 8,000 images of MNIST t10k, evaluated on the last 2,000: its test
 * negative ELBO per image (one draw of z per image, as the reference) must be within 3 nats of
 * PyTorch's 116.22. The training speed is printed (PyTorch: 9,366 images per second with 2 threads).
 */
@Tag("acceptance")
class VaeAcceptanceTest {

    private static final double PYTORCH_NEGATIVE_ELBO = 116.22;

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
    void theVaeReachesPyTorchsNegativeElbo() {
        List<Double> speeds = new ArrayList<>();
        RunContext context = RunContext.builder(42)
                .history((scope, epoch, values) -> speeds.add(values.get("samples-per-second"))).build();
        VaeParams params = VaeParams.of(List.of(dense(400)), List.of(dense(400)), 20);
        long started = System.nanoTime();
        VaeModel vae = new Vae(params).fit(train, context);
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Double> figures = vae.evaluate(test, 42);
        System.out.printf(Locale.ROOT, "VAE 784-400-20, 20 epochs: %.1f s (%d threads), images/s per epoch %s; test %s%n",
                seconds, context.threads(), rounded(speeds), figures);
        assertThat(figures.get("negative-elbo")).as("test negative ELBO (PyTorch: 116.22)")
                .isCloseTo(PYTORCH_NEGATIVE_ELBO, Offset.offset(3.0));
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static LayerSpec dense(int units) {
        return new DenseSpec(DenseParams.of(units, "relu"));
    }
}
