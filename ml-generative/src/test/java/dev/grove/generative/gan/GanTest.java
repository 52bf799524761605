package dev.grove.generative.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Training the gan estimator on tiny images: what it learns, what it records, how it fails. */
class GanTest {

    private static final Dataset DATA = TinyImages.data(256, 1);
    private static final List<Map<String, Double>> HISTORY = new ArrayList<>();
    private static GanModel model;

    @BeforeAll
    static void train() {
        RunContext context = RunContext.builder(7).history((scope, epoch, values) -> HISTORY.add(values)).build();
        model = new Gan(TinyImages.conditionalGan(40)).fit(DATA, context);
    }

    @Test
    void aConditionalGanGeneratesTheRequestedClass() {
        // Class "left" is bright on the left (left minus right about +0.8 in the data), "right" mirrored.
        double left = 0;
        double right = 0;
        for (float[] image : model.generate("left", 100, 3)) {
            left += TinyImages.leftMinusRight(image) / 100;
        }
        for (float[] image : model.generate("right", 100, 3)) {
            right += TinyImages.leftMinusRight(image) / 100;
        }
        assertThat(left).as("left-class samples: left half minus right half").isGreaterThan(0.4);
        assertThat(right).as("right-class samples: left half minus right half").isLessThan(-0.4);
    }

    @Test
    void samplesAreImagesWithValuesInTheUnitInterval() {
        List<float[]> samples = model.generate(10, 5);
        assertThat(samples).hasSize(10).allSatisfy(image -> {
            assertThat(image).hasSize(16);
            for (float v : image) {
                assertThat(v).isBetween(0f, 1f);
            }
        });
    }

    @Test
    void everyEpochRecordsBothLossesTheDiscriminatorsMeanOutputsAndTheSpeed() {
        assertThat(HISTORY).hasSize(40);
        assertThat(HISTORY.get(0)).containsOnlyKeys("train/discriminator-loss", "train/generator-loss", "train/d-real",
                "train/d-fake", "seconds", "samples-per-second");
        for (Map<String, Double> epoch : HISTORY) {
            assertThat(epoch.get("train/d-real")).isBetween(0.0, 1.0);
            assertThat(epoch.get("train/d-fake")).isBetween(0.0, 1.0);
            assertThat(epoch.get("train/discriminator-loss")).isPositive();
            assertThat(epoch.get("samples-per-second")).isPositive();
        }
        // Each epoch's discriminator loss is the mean over its steps of the cross-entropy, which is at
        // least what the mean outputs imply: -log D(x) - log(1 - D(G(z))) is convex in each output.
        Map<String, Double> last = HISTORY.get(HISTORY.size() - 1);
        double bound = -Math.log(last.get("train/d-real")) - Math.log(1 - last.get("train/d-fake"));
        assertThat(last.get("train/discriminator-loss")).isGreaterThanOrEqualTo(bound - 1e-4);
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        GanModel first = new Gan(TinyImages.conditionalGan(4)).fit(DATA, RunContext.withSeed(7));
        GanModel again = new Gan(TinyImages.conditionalGan(4)).fit(DATA, RunContext.withSeed(7));
        assertThat(again.state().arrays()).usingRecursiveComparison().isEqualTo(first.state().arrays());
        assertThat(again.generate(1, 8, 11)).usingRecursiveComparison().isEqualTo(first.generate(1, 8, 11));
        GanModel other = new Gan(TinyImages.conditionalGan(4)).fit(DATA, RunContext.withSeed(8));
        assertThat(other.generate(1, 8, 11).get(0)).isNotEqualTo(first.generate(1, 8, 11).get(0));
    }

    @Test
    void cancellingStopsTraining() {
        RunContext context = RunContext.withSeed(1);
        context.cancel();
        assertThatThrownBy(() -> new Gan(TinyImages.conditionalGan(1)).fit(DATA, context))
                .isInstanceOf(CancellationException.class);
    }

    @Test
    void aHugeLearningRateStopsWithTheEpochAndStep() {
        Adam reckless = new Adam(new AdamParams(1e30, 0.5, 0.999, 1e-8, 0));
        GanParams params = TinyImages.conditionalGan(3).withOptimizers(reckless, reckless);
        assertThatThrownBy(() -> new Gan(params).fit(DATA, RunContext.withSeed(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("diverged at epoch 1, step")
                .hasMessageContaining("loss is");
    }

    @Test
    void rejectsMoreDiscriminatorStepsThanAnEpochHasBatches() {
        // 256 rows in batches of 64 are 4 batches: a generator step every 5 would skip whole epochs.
        GanParams params = TinyImages.conditionalGan(2).withBatchSize(64).withDiscriminatorSteps(5);
        assertThatThrownBy(() -> new Gan(params).fit(DATA, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discriminator-steps 5").hasMessageContaining("4 batches of an epoch")
                .hasMessageContaining("use at most 4");
        List<Double> generatorLosses = new ArrayList<>();
        RunContext recording = RunContext.builder(1)
                .history((scope, step, values) -> generatorLosses.add(values.get("train/generator-loss"))).build();
        new Gan(TinyImages.conditionalGan(2).withBatchSize(64).withDiscriminatorSteps(4)).fit(DATA, recording);
        assertThat(generatorLosses).hasSize(2).allSatisfy(loss -> assertThat(loss).isFinite().isPositive());
    }

    @Test
    void rejectsDataOutsideTheUnitInterval() {
        float[] pixels = new float[2 * 16];
        pixels[20] = 255f;
        Dataset raw = Dataset.ofFloats(pixels, new double[] {0, 1}, TinyImages.schema());
        assertThatThrownBy(() -> new Gan(TinyImages.conditionalGan(1)).fit(raw, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 1]").hasMessageContaining("row 1").hasMessageContaining("p4");
    }

    @Test
    void aConditionalGanNeedsClasses() {
        Schema unlabelled = Schema.unlabelled(TinyImages.schema().featureNames()).withSampleShape(List.of(1, 4, 4));
        Dataset images = Dataset.ofFloats(new float[4 * 16], null, unlabelled);
        assertThatThrownBy(() -> new Gan(TinyImages.conditionalGan(1)).fit(images, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conditional").hasMessageContaining("no targets");
    }

    @Test
    void paramsRejectLabelSmoothingOfOneOrMore() {
        assertThatThrownBy(() -> TinyImages.conditionalGan(1).withLabelSmoothing(1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label-smoothing");
    }
}
