package dev.grove.neural.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.neural.data.Augmentation;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrainerBatchingTest {

    private static RunContext context(long seed, Recorder recorder) {
        return RunContext.builder(seed).history(recorder).progress(recorder).build();
    }

    /** Trains a one-layer classifier on rows whose feature is their index; returns the ids of every training batch. */
    private static List<int[]> batchesSeen(TrainParams params, long seed) {
        TinyDense network = new TinyDense(1, 2, "linear", new Rng(1));
        network.recordInputs = true;
        Trainer.train(network, params, ToyData.rowIds(10, 2), null, context(seed, new Recorder()));
        List<int[]> batches = new ArrayList<>();
        for (float[] input : network.trainingInputs) {
            int[] ids = new int[input.length];
            for (int i = 0; i < input.length; i++) {
                ids[i] = (int) input[i];
            }
            batches.add(ids);
        }
        return batches;
    }

    private static int[] epochOrder(List<int[]> batches, int epoch, int stepsPerEpoch) {
        return batches.subList(epoch * stepsPerEpoch, (epoch + 1) * stepsPerEpoch).stream()
                .flatMapToInt(java.util.Arrays::stream).toArray();
    }

    @Test
    void eachEpochIsADifferentShuffleOfAllRowsReproducibleFromTheSeedAndKeepsTheLastPartialBatch() {
        TrainParams params = TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.01f)).withEpochs(3)
                .withBatchSize(4);
        List<int[]> batches = batchesSeen(params, 7);

        assertThat(batches).extracting(b -> b.length).containsExactly(4, 4, 2, 4, 4, 2, 4, 4, 2);
        int[][] orders = new int[3][];
        for (int e = 0; e < 3; e++) {
            orders[e] = epochOrder(batches, e, 3);
            assertThat(orders[e]).containsExactlyInAnyOrder(IntStream.range(0, 10).toArray());
        }
        assertThat(orders[0]).isNotEqualTo(orders[1]);
        assertThat(orders[1]).isNotEqualTo(orders[2]);
        assertThat(orders[0]).isNotEqualTo(IntStream.range(0, 10).toArray());
        List<int[]> again = batchesSeen(params, 7);
        for (int i = 0; i < batches.size(); i++) {
            assertThat(again.get(i)).isEqualTo(batches.get(i));
        }
    }

    @Test
    void withoutShufflingTheRowsComeInOrderEveryEpoch() {
        List<int[]> batches = batchesSeen(TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.01f))
                .withEpochs(2).withBatchSize(4).withShuffle(false), 7);
        for (int e = 0; e < 2; e++) {
            assertThat(epochOrder(batches, e, 3)).containsExactly(IntStream.range(0, 10).toArray());
        }
    }

    @Test
    void stepsModeTakesExactlyThatManyOptimizerStepsEndingInAPartialEpoch() {
        PlainSgd sgd = new PlainSgd(0.01f);
        Recorder recorder = new Recorder();
        TinyDense network = new TinyDense(2, 1, "linear", new Rng(1));
        network.recordInputs = true;
        // 10 rows in batches of 4: 3 steps per epoch, so 7 steps are 3 + 3 + 1.
        TrainParams params = TrainParams.defaults(new RecordingMse(), sgd).withEpochs(50).withSteps(7).withBatchSize(4);

        TrainingResult result = Trainer.train(network, params, ToyData.line(10, 2), null, context(3, recorder));

        assertThat(sgd.ratesUsed).hasSize(7);
        assertThat(result.steps()).isEqualTo(7);
        assertThat(result.epochs()).isEqualTo(3);
        assertThat(recorder.rows).extracting(Recorder.Row::epoch).containsExactly(1, 2, 3);
        assertThat(network.trainingInputs).extracting(rows -> rows.length / 2).containsExactly(4, 4, 2, 4, 4, 2, 4);
        Recorder.Update last = recorder.updates.get(recorder.updates.size() - 1);
        assertThat(last.done()).isEqualTo(7);
        assertThat(last.total()).isEqualTo(7);
        assertThat(last.message()).startsWith("epoch 3/3 ");
    }

    @Test
    void theHeldOutValidationRowsAreAStratifiedShareNeverTrainedOn() {
        Dataset data = ToyData.blobs(20, 4);
        TinyDense network = new TinyDense(2, 3, "softmax", new Rng(2));
        network.recordInputs = true;
        TrainParams params = TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.05f)).withEpochs(2)
                .withBatchSize(8).withValidation(0.25);

        TrainingResult result = Trainer.train(network, params, data, null, context(5, new Recorder()));

        Set<String> trained = rowsOf(network.trainingInputs);
        Set<String> validated = rowsOf(network.inferenceInputs);
        assertThat(validated).hasSize(15);
        assertThat(trained).hasSize(45).doesNotContainAnyElementsOf(validated);
        int[] validatedPerClass = new int[3];
        for (int i = 0; i < data.rows(); i++) {
            String key = data.feature(i, 0) + "," + data.feature(i, 1);
            assertThat(trained.contains(key) || validated.contains(key)).isTrue();
            if (validated.contains(key)) {
                validatedPerClass[data.label(i)]++;
            }
        }
        assertThat(validatedPerClass).containsExactly(5, 5, 5);
        assertThat(result.monitor()).isEqualTo("val/loss");
    }

    private static List<Float> flatten(List<float[]> batches) {
        List<Float> values = new ArrayList<>();
        for (float[] batch : batches) {
            for (float v : batch) {
                values.add(v);
            }
        }
        return values;
    }

    private static Set<String> rowsOf(List<float[]> batches) {
        Set<String> rows = new HashSet<>();
        for (float[] batch : batches) {
            for (int i = 0; i < batch.length; i += 2) {
                rows.add((double) batch[i] + "," + (double) batch[i + 1]);
            }
        }
        return rows;
    }

    @Test
    void augmentationsAlterTrainingBatchesOnlyWithAStreamPerStep() {
        List<Long> draws = new ArrayList<>();
        Augmentation shift = (batch, rows, sampleShape, rng) -> {
            assertThat(sampleShape).containsExactly(1);
            draws.add(rng.nextLong());
            for (int i = 0; i < rows; i++) {
                batch[i] += 1000f;
            }
        };
        TinyDense network = new TinyDense(1, 2, "linear", new Rng(1));
        network.recordInputs = true;
        TrainParams params = TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.001f)).withEpochs(2)
                .withBatchSize(4).withAugment(List.of(shift));

        Trainer.train(network, params, ToyData.rowIds(10, 2), ToyData.rowIds(6, 2), context(3, new Recorder()));

        assertThat(flatten(network.trainingInputs)).hasSize(20).allMatch(v -> v >= 1000f);
        assertThat(flatten(network.inferenceInputs)).hasSize(12).allMatch(v -> v < 1000f);
        assertThat(draws).hasSize(6).doesNotHaveDuplicates();
        List<Long> first = List.copyOf(draws);
        draws.clear();
        Trainer.train(new TinyDense(1, 2, "linear", new Rng(1)), params, ToyData.rowIds(10, 2), ToyData.rowIds(6, 2),
                context(3, new Recorder()));
        assertThat(draws).isEqualTo(first);
    }
}
