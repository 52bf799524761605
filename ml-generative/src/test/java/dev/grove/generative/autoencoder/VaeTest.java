package dev.grove.generative.autoencoder;

import static dev.grove.generative.autoencoder.TinyImages.dense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
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

/** The vae estimator and its model on small 4x4 pattern images: training, figures, generation, pictures and errors. */
class VaeTest {

    private static final Dataset TRAIN = TinyImages.patterns(300, 1);
    private static final Dataset TEST = TinyImages.patterns(30, 2);
    private static final VaeParams PARAMS = VaeParams.of(List.of(dense(16, "relu")), List.of(dense(16, "relu")), 2)
            .withOptimizer(new Adam(new AdamParams(0.01, 0.9, 0.999, 1e-8, 0))).withBatchSize(32).withEpochs(30);

    private static final List<Map<String, Double>> HISTORY = new ArrayList<>();
    private static VaeModel plain;
    private static VaeModel conditional;

    @BeforeAll
    static void fit() {
        RunContext context = RunContext.builder(7).history((scope, epoch, values) -> HISTORY.add(values)).build();
        plain = new Vae(PARAMS).fit(TRAIN, context);
        conditional = new Vae(PARAMS.withConditional(true)).fit(TRAIN, RunContext.withSeed(7));
    }

    @Test
    void everyEpochRecordsTheObjectiveAndItsTwoTermsAndTheObjectiveFalls() {
        assertThat(HISTORY).hasSize(30);
        for (Map<String, Double> epoch : HISTORY) {
            assertThat(epoch).containsOnlyKeys("train/loss", "train/reconstruction", "train/kl", "seconds", "samples-per-second");
            assertThat(epoch.get("train/loss")).isCloseTo(epoch.get("train/reconstruction") + epoch.get("train/kl"), within(1e-9));
            assertThat(epoch.get("train/kl")).isPositive();
        }
        assertThat(HISTORY.get(29).get("train/loss")).isLessThan(0.8 * HISTORY.get(0).get("train/loss"));
    }

    @Test
    void theSameSeedTrainsTheSameWeightsAndAnotherSeedOthers() {
        VaeParams quick = PARAMS.withEpochs(2);
        float[] first = firstArray(new Vae(quick).fit(TRAIN, RunContext.withSeed(3)).state());
        float[] again = firstArray(new Vae(quick).fit(TRAIN, RunContext.withSeed(3)).state());
        float[] other = firstArray(new Vae(quick).fit(TRAIN, RunContext.withSeed(4)).state());
        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static float[] firstArray(ModelState state) {
        return state.arrays().values().iterator().next().floats();
    }

    @Test
    void theFiguresAreReconstructionPlusKlPerImageAndTheKlTermIsTheClosedForm() {
        Map<String, Double> figures = plain.evaluate(TEST, 5);
        assertThat(figures).containsOnlyKeys("negative-elbo", "reconstruction", "kl", "reconstruction-psnr");
        assertThat(figures.get("negative-elbo")).isCloseTo(figures.get("reconstruction") + figures.get("kl"), within(1e-9));
        assertThat(plain.evaluate(TEST, 5)).isEqualTo(figures);
        Map<String, Double> otherDraw = plain.evaluate(TEST, 6);
        assertThat(otherDraw.get("reconstruction")).isNotEqualTo(figures.get("reconstruction"));
        // The KL term is analytic: no draw of z enters it. By hand from the posterior of each image:
        VaeNetworks.Posterior posterior = posterior(plain, TEST);
        float[] mu = posterior.mu().toFloatArray();
        float[] logVariance = posterior.logVariance().toFloatArray();
        double kl = 0;
        for (int i = 0; i < mu.length; i++) {
            kl += 0.5 * (Math.exp(logVariance[i]) + mu[i] * mu[i] - 1 - logVariance[i]);
        }
        assertThat(figures.get("kl")).isCloseTo(kl / TEST.rows(), within(1e-5));
        assertThat(otherDraw.get("kl")).isEqualTo(figures.get("kl"));
    }

    private static VaeNetworks.Posterior posterior(VaeModel model, Dataset data) {
        Tensor images = DatasetImages.batch(data, model.imageShape(), 0, data.rows());
        try (var off = dev.grove.tensor.Grad.off()) {
            return model.networks().encode(images, null, dev.grove.neural.layer.Pass.inference());
        }
    }

    @Test
    void aSavedModelRestoredThroughItsComponentGivesBitwiseTheSameOutputs() {
        VaeModel restored = restore(PARAMS, plain.state());
        Tensor images = DatasetImages.batch(TEST, plain.imageShape(), 0, 6);
        assertThat(restored.encode(images).toFloatArray()).containsExactly(plain.encode(images).toFloatArray());
        assertThat(restored.reconstruct(images).toFloatArray()).containsExactly(plain.reconstruct(images).toFloatArray());
        assertThat(restored.sample(5, 9).toFloatArray()).containsExactly(plain.sample(5, 9).toFloatArray());
        assertThat(restored.evaluate(TEST, 1)).isEqualTo(plain.evaluate(TEST, 1));

        VaeModel restoredConditional = restore(PARAMS.withConditional(true), conditional.state());
        assertThat(restoredConditional.sample("top", 4, 2).toFloatArray())
                .containsExactly(conditional.sample("top", 4, 2).toFloatArray());
    }

    @SuppressWarnings("unchecked")
    private static VaeModel restore(VaeParams params, ModelState state) {
        List<dev.grove.api.spi.Component<?>> components = new ArrayList<>();
        AutoencoderComponents.register(components::add);
        var vae = (dev.grove.api.spi.Component<VaeParams>) components.stream().filter(c -> c.name().equals("vae")).findFirst()
                .orElseThrow();
        return (VaeModel) vae.restorer().restore(params, TRAIN.schema(), state);
    }

    @Test
    void sampleWithTheSameSeedGivesTheSameImagesAndAnotherSeedOthers() {
        Tensor samples = plain.sample(8, 21);
        assertThat(samples.shape()).containsExactly(8, 1, 4, 4);
        assertThat(plain.sample(8, 21).toFloatArray()).containsExactly(samples.toFloatArray());
        assertThat(plain.sample(8, 22).toFloatArray()).isNotEqualTo(samples.toFloatArray());
        for (float v : samples.toFloatArray()) {
            assertThat(v).isBetween(0f, 1f);
        }
    }

    @Test
    void aConditionalVaeDrawsImagesOfTheChosenClass() {
        float[] left = conditional.sample("left", 50, 3).toFloatArray();
        float[] right = conditional.sample("right", 50, 3).toFloatArray();
        float[] top = conditional.sample("top", 50, 3).toFloatArray();
        // Bright (about 0.9) where the pattern is, dark (about 0.05) elsewhere.
        assertThat(TinyImages.regionMean(left, 50, 0, 2, 0, 4)).isGreaterThan(TinyImages.regionMean(left, 50, 2, 4, 0, 4) + 0.5);
        assertThat(TinyImages.regionMean(right, 50, 2, 4, 0, 4)).isGreaterThan(TinyImages.regionMean(right, 50, 0, 2, 0, 4) + 0.5);
        assertThat(TinyImages.regionMean(top, 50, 0, 4, 0, 2)).isGreaterThan(TinyImages.regionMean(top, 50, 0, 4, 2, 4) + 0.5);
        assertThat(conditional.classLabels()).containsExactly("left", "right", "top");
    }

    @Test
    void anUnknownClassOrAMissingConditionIsAClearError() {
        assertThatThrownBy(() -> conditional.sample("diagonal", 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown class 'diagonal'").hasMessageContaining("[left, right, top]");
        assertThatThrownBy(() -> conditional.sample(3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conditional").hasMessageContaining("[left, right, top]");
        Tensor images = DatasetImages.batch(TEST, conditional.imageShape(), 0, 2);
        assertThatThrownBy(() -> conditional.encode(images, new int[] {0, 3})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown class 3").hasMessageContaining("0 to 2");
        assertThatThrownBy(() -> conditional.encode(images)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give the class of each of the 2 images");
        assertThatThrownBy(() -> plain.encode(images, new int[] {0, 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not conditional");
        assertThatThrownBy(() -> plain.sample("left", 3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not conditional");
        assertThatThrownBy(() -> conditional.evaluate(TinyImages.uniform(3, 4, 0.5f), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs the class of every image");
    }

    @Test
    void imagesOfAnotherShapeAreAClearError() {
        assertThatThrownBy(() -> plain.encode(Tensor.zeros(2, 1, 5, 5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[n, 1, 4, 4] or [n, 16]").hasMessageContaining("[2, 1, 5, 5]");
        assertThatThrownBy(() -> plain.evaluate(TinyImages.uniform(3, 5, 0.5f), 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trained on images of shape [1, 4, 4]").hasMessageContaining("[1, 5, 5]");
        assertThatThrownBy(() -> plain.decode(Tensor.zeros(2, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[n, 2]").hasMessageContaining("[2, 3]");
    }

    @Test
    void restoringWithAnotherLatentSizeOrImageShapeNamesExpectedAndGiven() {
        assertThatThrownBy(() -> restore(PARAMS.withLatentDim(3), plain.state())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latent size of 2").hasMessageContaining("latent-dim 3");
        assertThatThrownBy(() -> VaeModel.restore(PARAMS, TinyImages.schema(5, false), plain.state()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1x4x4").hasMessageContaining("1x5x5");
        assertThatThrownBy(() -> restore(PARAMS.withConditional(true), plain.state()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not conditional");
    }

    @Test
    void badTrainingDataIsAClearError() {
        assertThatThrownBy(() -> new Vae(PARAMS.withConditional(true)).fit(TinyImages.uniform(10, 4, 0.5f), RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conditional: true needs images with class targets");
        assertThatThrownBy(() -> new Vae(PARAMS).fit(TinyImages.uniform(10, 4, 255f), RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]").hasMessageContaining("255.0");
        Dataset table = Dataset.ofFloats(new float[8], null, dev.grove.api.data.Schema.unlabelled(List.of("a", "b", "c", "d")));
        assertThatThrownBy(() -> new Vae(PARAMS).fit(table, RunContext.withSeed(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sample shape [channels, height, width]").hasMessageContaining("[4]");
    }

    @Test
    void aDivergingTrainingStopsNamingTheEpochAndStep() {
        // Adam's steps are about lr in size: at 1e6 the log-variances leave the range where e^x is finite.
        VaeParams reckless = PARAMS.withOptimizer(new Adam(new AdamParams(1e6, 0.9, 0.999, 1e-8, 0))).withEpochs(3);
        assertThatThrownBy(() -> new Vae(reckless).fit(TRAIN, RunContext.withSeed(1))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vae: training diverged at epoch 1, step ").hasMessageContaining("of 10")
                .hasMessageContaining("lower learning rate");
    }

    @Test
    void anInterpolationRunsFromTheFirstImagesReconstructionToTheSecondOnes() {
        Tensor from = DatasetImages.batch(TEST, plain.imageShape(), 0, 2);
        Tensor to = DatasetImages.batch(TEST, plain.imageShape(), 2, 2);
        Tensor path = plain.interpolate(from, to, 5);
        assertThat(path.shape()).containsExactly(2, 5, 1, 4, 4);
        float[] values = path.toFloatArray();
        float[] start = plain.reconstruct(from).toFloatArray();
        float[] end = plain.reconstruct(to).toFloatArray();
        for (int pair = 0; pair < 2; pair++) {
            for (int p = 0; p < 16; p++) {
                assertThat(values[(pair * 5) * 16 + p]).isCloseTo(start[pair * 16 + p], within(1e-6f));
                assertThat(values[(pair * 5 + 4) * 16 + p]).isCloseTo(end[pair * 16 + p], within(1e-6f));
            }
        }
    }

    @Test
    void latentArithmeticAddsAndSubtractsPosteriorMeans() {
        Tensor a = DatasetImages.batch(TEST, plain.imageShape(), 0, 3);
        Tensor b = DatasetImages.batch(TEST, plain.imageShape(), 3, 3);
        Tensor c = DatasetImages.batch(TEST, plain.imageShape(), 6, 3);
        // a - b + b is a: the arithmetic of a, b, b decodes a's code.
        assertThat(plain.arithmetic(a, b, b).toFloatArray()).containsExactly(plain.reconstruct(a).toFloatArray(), within(1e-5f));
        Tensor expected = plain.decode(plain.encode(a).sub(plain.encode(b)).add(plain.encode(c)));
        assertThat(plain.arithmetic(a, b, c).toFloatArray()).containsExactly(expected.toFloatArray(), within(1e-6f));
    }

    @Test
    void imputationKeepsObservedPixelsAndFillsMissingOnesFromReconstructions() {
        Tensor images = DatasetImages.batch(TEST, plain.imageShape(), 0, 3);
        float[] mask = new float[3 * 16];
        for (int i = 0; i < mask.length; i += 3) {
            mask[i] = 1f;
        }
        Tensor missing = Tensor.of(mask, 3, 1, 4, 4);
        float[] given = images.toFloatArray();
        float[] filled = plain.impute(images, missing, null, 4).toFloatArray();
        // One round by hand: missing pixels start at the mean of the observed ones, then take the reconstruction.
        float[] start = given.clone();
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            int observed = 0;
            for (int p = 0; p < 16; p++) {
                if (mask[r * 16 + p] == 0) {
                    sum += given[r * 16 + p];
                    observed++;
                }
            }
            for (int p = 0; p < 16; p++) {
                if (mask[r * 16 + p] != 0) {
                    start[r * 16 + p] = (float) (sum / observed);
                }
            }
        }
        float[] once = plain.reconstruct(Tensor.of(start, 3, 1, 4, 4)).toFloatArray();
        float[] oneRound = plain.impute(images, missing, null, 1).toFloatArray();
        for (int i = 0; i < given.length; i++) {
            if (mask[i] == 0) {
                assertThat(filled[i]).isEqualTo(given[i]);
            } else {
                assertThat(oneRound[i]).isEqualTo(once[i]);
            }
        }
        assertThatThrownBy(() -> plain.impute(images, Tensor.zeros(3, 1, 4, 3), null, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[n, 1, 4, 4]");
    }

    @Test
    void theRunPicturesAndLatentCodesAreWritten(@TempDir Path dir) throws Exception {
        assertThat(plain.writeArtifacts(TEST, dir, 1))
                .containsExactly("samples.png", "reconstructions.png", "interpolations.png", "latent-codes.csv");
        // 10 x 10 samples of 4x4 pixels with 2-pixel gaps: 10 * 4 + 11 * 2 = 62 pixels a side.
        assertThat(TinyImages.pngSize(Files.readAllBytes(dir.resolve("samples.png")))).containsExactly(62, 62);
        // Originals over reconstructions: 2 rows of 10.
        assertThat(TinyImages.pngSize(Files.readAllBytes(dir.resolve("reconstructions.png")))).containsExactly(62, 2 * 4 + 3 * 2);
        // 5 pairs, each row the two images around 8 steps.
        assertThat(TinyImages.pngSize(Files.readAllBytes(dir.resolve("interpolations.png")))).containsExactly(62, 5 * 4 + 6 * 2);
        List<String> lines = Files.readAllLines(dir.resolve("latent-codes.csv"));
        assertThat(lines).hasSize(TEST.rows() + 1);
        assertThat(lines.get(0)).isEqualTo("z1,z2,label");
        float[] mu = plain.encode(DatasetImages.batch(TEST, plain.imageShape(), 0, 1)).toFloatArray();
        assertThat(lines.get(1)).isEqualTo(mu[0] + "," + mu[1] + ",left");

        Path conditionalDir = dir.resolve("conditional");
        conditional.writeArtifacts(TEST, conditionalDir, 1);
        // One row of 10 samples per class: 3 rows.
        assertThat(TinyImages.pngSize(Files.readAllBytes(conditionalDir.resolve("samples.png")))).containsExactly(62, 3 * 4 + 4 * 2);
    }
}
