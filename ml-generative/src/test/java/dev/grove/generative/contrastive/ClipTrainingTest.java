package dev.grove.generative.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Conv2dParams;
import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.optim.Sgd;
import dev.grove.neural.optim.SgdParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Training on the toy task: the loss falls, the zero-shot classifier learns it, runs repeat exactly. */
class ClipTrainingTest {

    private static final Dataset TRAIN = ToyImages.of(16, 1);
    private static final Dataset TEST = ToyImages.of(25, 2);

    /** A model fitted on the toy training set and each epoch's figures. */
    private record Fit(ClipModel model, Map<Integer, Map<String, Double>> history) {
    }

    private static Fit fit(ClipParams params, Dataset validation, long seed) {
        Map<Integer, Map<String, Double>> history = new LinkedHashMap<>();
        RunContext context = RunContext.builder(seed).history((scope, step, values) -> history.put(step, values)).build();
        return new Fit(new Clip(params).fit(TRAIN, validation, context), history);
    }

    private static double accuracy(int[] predicted, Dataset data) {
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.label(i) ? 1 : 0;
        }
        return correct / (double) predicted.length;
    }

    @Test
    void theLossFallsAndTheUnseenPromptClassifiesTheTestImages() {
        Fit fit = fit(ToyImages.params(), null, 42);
        Map<Integer, Map<String, Double>> history = fit.history();

        double first = history.get(1).get("train/loss");
        double last = history.get(15).get("train/loss");
        // Batches of 16 pairs of 4 classes: telling nothing apart costs log 16 = 2.77 (random embeddings
        // at the initial scale 1/0.07 cost more), and the loss cannot go below the entropy of the class
        // targets, at least log 4 = 1.39 (every caption of an image's class is a match).
        assertThat(first).isGreaterThan(Math.log(16));
        assertThat(last).isLessThan(1.8).isGreaterThanOrEqualTo(Math.log(4) - 1e-6);
        assertThat(accuracy(fit.model().predict(TEST), TEST)).isEqualTo(1.0);
    }

    @Test
    void eachEpochRecordsEveryLossTermTheScaleTheValidationAccuracyAndTheSpeed() {
        Map<Integer, Map<String, Double>> history = fit(ToyImages.params().withTraining(2, 16), TEST, 3).history();

        assertThat(history).containsOnlyKeys(1, 2);
        assertThat(history.get(2)).containsOnlyKeys("train/loss", "train/image-to-text-loss", "train/text-to-image-loss",
                "logit-scale", "val/accuracy", "seconds", "samples-per-second");
        Map<String, Double> figures = history.get(2);
        assertThat(figures.get("train/loss"))
                .isCloseTo((figures.get("train/image-to-text-loss") + figures.get("train/text-to-image-loss")) / 2, within(1e-5));
        assertThat(figures.get("logit-scale")).isBetween(1.0, 100.0);
    }

    @Test
    void theSameSeedGivesTheSameModelAndAnotherSeedAnother() {
        ModelState a = new Clip(ToyImages.params().withTraining(2, 16)).fit(TRAIN, RunContext.withSeed(5)).state();
        ModelState b = new Clip(ToyImages.params().withTraining(2, 16)).fit(TRAIN, RunContext.withSeed(5)).state();
        ModelState c = new Clip(ToyImages.params().withTraining(2, 16)).fit(TRAIN, RunContext.withSeed(6)).state();

        for (String name : a.arrays().keySet()) {
            assertThat(b.floats(name)).as(name).containsExactly(a.floats(name));
        }
        assertThat(c.floats("image-encoder.dense-1.weight")).isNotEqualTo(a.floats("image-encoder.dense-1.weight"));
    }

    @Test
    void aFixedTemperatureStaysFixedAndALearnedOneStartsAtClipsAndStaysInItsRange() {
        ClipModel fixed = new Clip(ToyImages.params().withTemperature(0.25)).fit(TRAIN, RunContext.withSeed(1));
        assertThat(fixed.logitScale()).isEqualTo(4f, within(1e-5f));

        ClipModel learned = new Clip(ToyImages.params().withTraining(1, 16)
                .withOptimizer(new Sgd(new SgdParams(0.0, 0.0, false, 0.0))))
                .fit(TRAIN, RunContext.withSeed(1));
        // A zero learning rate leaves every value where it started: 1/0.07.
        assertThat((double) learned.logitScale()).isCloseTo(1 / 0.07, within(1e-4));
        Map<Integer, Map<String, Double>> fast = fit(ToyImages.params()
                .withOptimizer(new Adam(new AdamParams(0.3, 0.9, 0.999, 1e-8, 0))),
                null, 1).history();
        fast.values().forEach(f -> assertThat(f.get("logit-scale")).isBetween(1.0, 100.0 + 1e-3));
    }

    @Test
    void bothKindsOfPositivesLearnTheToyTask() {
        ClipModel pair = new Clip(ToyImages.params().withPositives("pair")).fit(TRAIN, RunContext.withSeed(42));
        assertThat(accuracy(pair.predict(TEST), TEST)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void aLossThatTurnsNanStopsTrainingNamingTheEpochAndStep() {
        float[] pixels = new float[TRAIN.rows() * 16];
        TRAIN.rowsAsFloats(IntStream.range(0, TRAIN.rows()).toArray(), pixels);
        pixels[5] = Float.NaN;
        Dataset poisoned = Dataset.ofFloats(pixels, TRAIN.targets(), TRAIN.schema());

        assertThatThrownBy(() -> new Clip(ToyImages.params()).fit(poisoned, RunContext.withSeed(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("clip: training diverged at epoch 1, step ")
                .hasMessageContaining("the loss is NaN");
    }

    @Test
    void dataWithoutClassesTooFewRowsOrClassWordsThatDoNotFitAreRejected() {
        Dataset unlabelled = Dataset.ofFloats(new float[32], null,
                Schema.unlabelled(TRAIN.schema().featureNames()).withSampleShape(List.of(1, 4, 4)));
        assertThatThrownBy(() -> new Clip(ToyImages.params()).fit(unlabelled, RunContext.withSeed(1)))
                .hasMessageContaining("clip: needs data with class targets to build captions from");
        assertThatThrownBy(() -> new Clip(ToyImages.params()).fit(TRAIN.view(new int[] {0}), RunContext.withSeed(1)))
                .hasMessage("clip: needs at least 2 training images to contrast, got 1");
        assertThatThrownBy(() -> new Clip(ToyImages.params().withClassWords(List.of("a", "b", "c"))).fit(TRAIN, RunContext.withSeed(1)))
                .hasMessage("clip: class-words has 3 entries but the data has 4 classes [0, 1, 2, 3]; give one word (or"
                        + " phrase) per class, in label order");
    }

    @Test
    void promptsThatReadTheSameForTwoClassesAreRejectedBeforeTraining() {
        // The captions never use {label}, so the labels are unknown words and every prompt reads "a <unk>".
        ClipParams params = ToyImages.params().withTemplates(List.of("a photo of {class}"), List.of("a {label}"));

        assertThatThrownBy(() -> new Clip(params).fit(TRAIN, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("clip: the prompts of classes 0 ('a 0') and 1 ('a 1') read the same to the model");
    }

    @Test
    void layersThatDoNotFitTheImagesAreNamedWithTheEncoder() {
        ClipParams params = ToyImages.params().withImageEncoder(List.of(new Conv2dSpec(Conv2dParams.of(2, 5, "valid", "relu"))));

        assertThatThrownBy(() -> new Clip(params).fit(TRAIN, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("clip: image-encoder on input [1, 4, 4]: ");
    }
}
