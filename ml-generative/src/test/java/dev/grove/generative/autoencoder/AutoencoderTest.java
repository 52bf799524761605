package dev.grove.generative.autoencoder;

import static dev.grove.generative.autoencoder.TinyImages.dense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.neural.layer.Conv2dParams;
import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The autoencoder estimator and its model, plain and denoising, on small 4x4 pattern images. */
class AutoencoderTest {

    private static final Dataset TRAIN = TinyImages.patterns(300, 1);
    private static final Dataset TEST = TinyImages.patterns(60, 2);
    private static final AutoencoderParams PARAMS = AutoencoderParams.of(List.of(dense(16, "relu")), List.of(dense(16, "relu")), 3)
            .withOptimizer(new Adam(new AdamParams(0.01, 0.9, 0.999, 1e-8, 0))).withBatchSize(32).withEpochs(30);
    private static final AutoencoderParams DENOISING = PARAMS.withNoise("gaussian", 0.3);

    private static final List<Map<String, Double>> HISTORY = new ArrayList<>();
    private static AutoencoderModel plain;
    private static AutoencoderModel denoiser;

    @BeforeAll
    static void fit() {
        plain = new Autoencoder(PARAMS).fit(TRAIN,
                RunContext.builder(7).history((scope, epoch, values) -> HISTORY.add(values)).build());
        denoiser = new Autoencoder(DENOISING).fit(TRAIN, RunContext.withSeed(7));
    }

    @Test
    void everyEpochRecordsTheReconstructionLossWhichFalls() {
        assertThat(HISTORY).hasSize(30);
        assertThat(HISTORY.get(0)).containsOnlyKeys("train/loss", "seconds", "samples-per-second");
        assertThat(HISTORY.get(29).get("train/loss")).isLessThan(0.8 * HISTORY.get(0).get("train/loss"));
    }

    @Test
    void aPlainAutoencoderReportsItsReconstructionFigures() {
        Map<String, Double> figures = plain.evaluate(TEST, 1);
        assertThat(figures).containsOnlyKeys("reconstruction", "reconstruction-mse", "reconstruction-psnr");
        // By hand from the reconstructions: the mean squared error per pixel and its PSNR.
        float[] clean = DatasetImages.batch(TEST, plain.imageShape(), 0, TEST.rows()).toFloatArray();
        float[] rebuilt = plain.reconstruct(Tensor.of(clean, TEST.rows(), 1, 4, 4)).toFloatArray();
        double squares = 0;
        for (int i = 0; i < clean.length; i++) {
            squares += (rebuilt[i] - clean[i]) * (double) (rebuilt[i] - clean[i]);
        }
        assertThat(figures.get("reconstruction-mse")).isCloseTo(squares / clean.length, within(1e-9));
        assertThat(figures.get("reconstruction-psnr")).isCloseTo(10 * Math.log10(clean.length / squares), within(1e-6));
        assertThat(figures.get("reconstruction-psnr")).isGreaterThan(20.0);
    }

    @Test
    void aDenoisingAutoencoderRemovesMostOfTheNoiseItWasTrainedOn() {
        Map<String, Double> figures = denoiser.evaluate(TEST, 3);
        assertThat(figures).containsKeys("noisy-psnr", "denoised-psnr", "psnr-gain");
        assertThat(figures.get("psnr-gain")).isCloseTo(figures.get("denoised-psnr") - figures.get("noisy-psnr"), within(1e-12));
        assertThat(figures.get("psnr-gain")).as("dB gained over the noisy input").isGreaterThan(6.0);
        assertThat(denoiser.evaluate(TEST, 3)).isEqualTo(figures);
    }

    @Test
    void theNoisyPsnrIsWhatTheNoiseLevelImplies() {
        // Masking a quarter of all-white pixels: MSE 0.25, PSNR 10 log10(4) = 6.02 dB, give or take sampling (3,200 pixels).
        AutoencoderModel masking = new Autoencoder(PARAMS.withNoise("masking", 0.25).withEpochs(1)).fit(TRAIN, RunContext.withSeed(1));
        assertThat(masking.evaluate(TinyImages.uniform(200, 4, 1f), 1).get("noisy-psnr")).isCloseTo(6.02, within(0.3));
        // Gaussian noise of 0.1 on mid-grey pixels (clipping 5 standard deviations away): MSE 0.01, PSNR 20 dB.
        AutoencoderModel gaussian = new Autoencoder(PARAMS.withNoise("gaussian", 0.1).withEpochs(1)).fit(TRAIN, RunContext.withSeed(1));
        assertThat(gaussian.evaluate(TinyImages.uniform(200, 4, 0.5f), 1).get("noisy-psnr")).isCloseTo(20.0, within(0.3));
    }

    @Test
    void corruptionDrawsFromTheSeedAndAPlainAutoencoderLeavesImagesAsTheyAre() {
        Tensor images = DatasetImages.batch(TEST, plain.imageShape(), 0, 4);
        assertThat(plain.corrupt(images, 5).toFloatArray()).containsExactly(images.toFloatArray());
        Tensor noisy = denoiser.corrupt(images, 5);
        assertThat(denoiser.corrupt(images, 5).toFloatArray()).containsExactly(noisy.toFloatArray());
        assertThat(denoiser.corrupt(images, 6).toFloatArray()).isNotEqualTo(noisy.toFloatArray());
        for (float v : noisy.toFloatArray()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void imputationFillsMissingPixelsCloserToTheTruthThanTheirStartingValue() {
        Tensor images = DatasetImages.batch(TEST, plain.imageShape(), 0, 30);
        float[] truth = images.toFloatArray();
        float[] mask = new float[truth.length];
        for (int r = 0; r < 30; r++) {
            // Hide the left column of each image: bright for "left" patterns, dark for "right" ones.
            for (int y = 0; y < 4; y++) {
                mask[r * 16 + y * 4] = 1f;
            }
        }
        float[] filled = plain.impute(images, Tensor.of(mask, 30, 1, 4, 4)).toFloatArray();
        double imputedError = 0;
        double startError = 0;
        for (int r = 0; r < 30; r++) {
            double observedMean = 0;
            for (int p = 0; p < 16; p++) {
                observedMean += mask[r * 16 + p] == 0 ? truth[r * 16 + p] / 12.0 : 0;
            }
            for (int p = 0; p < 16; p++) {
                int i = r * 16 + p;
                if (mask[i] != 0) {
                    imputedError += Math.abs(filled[i] - truth[i]);
                    startError += Math.abs(observedMean - truth[i]);
                } else {
                    assertThat(filled[i]).isEqualTo(truth[i]);
                }
            }
        }
        assertThat(imputedError).isLessThan(0.5 * startError);
    }

    @Test
    void aSavedModelRestoredThroughItsComponentGivesBitwiseTheSameOutputs() {
        AutoencoderModel restored = restore(DENOISING, denoiser.state());
        Tensor images = DatasetImages.batch(TEST, denoiser.imageShape(), 0, 6);
        assertThat(restored.encode(images).toFloatArray()).containsExactly(denoiser.encode(images).toFloatArray());
        assertThat(restored.reconstruct(images).toFloatArray()).containsExactly(denoiser.reconstruct(images).toFloatArray());
        assertThat(restored.evaluate(TEST, 4)).isEqualTo(denoiser.evaluate(TEST, 4));
        assertThat(restored.isDenoising()).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static AutoencoderModel restore(AutoencoderParams params, ModelState state) {
        List<Component<?>> components = new ArrayList<>();
        AutoencoderComponents.register(components::add);
        var autoencoder = (Component<AutoencoderParams>) components.stream().filter(c -> c.name().equals("autoencoder"))
                .findFirst().orElseThrow();
        return (AutoencoderModel) autoencoder.restorer().restore(params, TRAIN.schema(), state);
    }

    @Test
    void restoringWithAnotherLatentSizeOrImageShapeNamesExpectedAndGiven() {
        AutoencoderParams wider = AutoencoderParams.of(PARAMS.encoder(), PARAMS.decoder(), 5);
        assertThatThrownBy(() -> restore(wider, plain.state())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent size of 3").hasMessageContaining("latent-dim 5");
        assertThatThrownBy(() -> AutoencoderModel.restore(PARAMS, TinyImages.schema(5, false), plain.state()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x4x4").hasMessageContaining("1x5x5");
        AutoencoderParams deeper = AutoencoderParams.of(List.of(dense(8, "relu")), PARAMS.decoder(), 3);
        assertThatThrownBy(() -> restore(deeper, plain.state())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encoder.dense-1.weight").hasMessageContaining("[16, 16]").hasMessageContaining("[16, 8]");
    }

    @Test
    void aConvolutionalEncoderSeesImagesAndADecoderWithoutReshapeHoldsFlatLayersOnly() {
        AutoencoderParams convolutional = AutoencoderParams.of(
                List.of(new Conv2dSpec(Conv2dParams.of(4, 3, "same", "relu")), new FlattenSpec(), dense(8, "relu")),
                List.of(dense(16, "relu")), 3)
                .withEpochs(2);
        AutoencoderModel model = new Autoencoder(convolutional).fit(TRAIN, RunContext.withSeed(1));
        // conv2d 4 filters 3x3 on 1 channel (36 + 4), dense on the flattened 4x4x4 (64 * 8 + 8), head 8 -> 3 (24 + 3),
        // decoder 3 -> 16 (48 + 16), output 16 -> 16 (256 + 16).
        assertThat(model.parameterCount()).isEqualTo(40 + 520 + 27 + 64 + 272);
        AutoencoderParams convolutionalDecoder = AutoencoderParams.of(List.of(dense(8, "relu")),
                List.of(new Conv2dSpec(Conv2dParams.of(4, 3, "same", "relu"))), 3);
        assertThatThrownBy(() -> new Autoencoder(convolutionalDecoder).fit(TRAIN, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("autoencoder decoder")
                .hasMessageContaining("conv2d").hasMessageContaining("flat");
    }

    @Test
    void badInputIsAClearError() {
        assertThatThrownBy(() -> plain.reconstruct(Tensor.zeros(2, 3, 4, 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[n, 1, 4, 4] or [n, 16]").hasMessageContaining("[2, 3, 4, 4]");
        assertThatThrownBy(() -> plain.evaluate(TinyImages.uniform(2, 5, 0.5f), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 4, 4]").hasMessageContaining("[1, 5, 5]");
        assertThatThrownBy(() -> new Autoencoder(PARAMS).fit(TinyImages.uniform(4, 4, -0.5f), RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]").hasMessageContaining("-0.5");
        assertThatThrownBy(() -> PARAMS.withNoise("masking", 1.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("below 1");
        assertThatThrownBy(() -> PARAMS.withNoise("salt", 0.1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none, gaussian, masking");
    }

    @Test
    void theRunPicturesShowOriginalsNoisyInputsAndReconstructions(@TempDir Path dir) throws Exception {
        assertThat(denoiser.writeArtifacts(TEST, dir, 1)).containsExactly("reconstructions.png", "latent-codes.csv");
        // Three rows of 10 images of 4x4 pixels with 2-pixel gaps.
        assertThat(TinyImages.pngSize(Files.readAllBytes(dir.resolve("reconstructions.png")))).containsExactly(62, 3 * 4 + 4 * 2);
        List<String> lines = Files.readAllLines(dir.resolve("latent-codes.csv"));
        assertThat(lines).hasSize(TEST.rows() + 1);
        assertThat(lines.get(0)).isEqualTo("z1,z2,z3,label");
        Path plainDir = dir.resolve("plain");
        plain.writeArtifacts(TEST, plainDir, 1);
        assertThat(TinyImages.pngSize(Files.readAllBytes(plainDir.resolve("reconstructions.png")))).containsExactly(62, 2 * 4 + 3 * 2);
    }
}
