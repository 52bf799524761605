package dev.grove.neural.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.run.ProgressSink;
import dev.grove.api.run.RunContext;
import dev.grove.neural.data.Augmentation;
import dev.grove.neural.layer.Layers;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerCheckpointTest {

    /** Jitters every value by a draw from the step's stream, so a resume must replay the same draws. */
    private static final Augmentation JITTER = (batch, rows, sampleShape, rng) -> {
        for (int i = 0; i < rows * 2; i++) {
            batch[i] += (float) (0.1 * rng.nextGaussian());
        }
    };

    /** Dropout, a buffer, momentum, augmentation, shuffling, a held-out split and early stopping's best weights. */
    private static TrainParams params() {
        return TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.05f, 0.9f)).withEpochs(4).withBatchSize(16)
                .withValidation(0.2).withAugment(List.of(JITTER)).withCheckpoint(1)
                .withEarlyStopping(new TrainParams.EarlyStopping("val/loss", 10, 0, true));
    }

    private static TinyStack network(long seed) {
        Rng rng = new Rng(seed);
        return new TinyStack(new TinyDense(2, 8, "tanh", 0.2f, rng), new TinyDense(8, 3, "softmax", rng));
    }

    private static RunContext.Builder context(Path directory, Recorder recorder) {
        return RunContext.builder(21).runDirectory(directory).stateFiles(new FileStateFiles()).history(recorder);
    }

    @Test
    void resumingAfterAKillEndsWithBitwiseTheWeightsOfAnUninterruptedRun(@TempDir Path straight, @TempDir Path interrupted) {
        Recorder straightHistory = new Recorder();
        TinyStack uninterrupted = network(1);
        Trainer.train(uninterrupted, params(), ToyData.blobs(20, 3), null, context(straight, straightHistory).build());

        // 48 training rows in batches of 16: 3 steps per epoch. Cancel during epoch 3, after step 8,
        // when the checkpoint of epoch 2 is on disk.
        AtomicReference<RunContext> killed = new AtomicReference<>();
        ProgressSink killer = (task, done, total, message) -> {
            if (done == 8) {
                killed.get().cancel();
            }
        };
        killed.set(context(interrupted, new Recorder()).progress(killer).build());
        assertThatThrownBy(() -> Trainer.train(network(1), params(), ToyData.blobs(20, 3), null, killed.get()))
                .isInstanceOf(CancellationException.class);
        assertThat(interrupted.resolve("checkpoint.grove")).exists();

        Recorder resumedHistory = new Recorder();
        TinyStack resumed = network(999);
        TrainingResult result = Trainer.train(resumed, params(), ToyData.blobs(20, 3), null,
                context(interrupted, resumedHistory).resuming(true).build());

        assertThat(result.start()).isEqualTo(TrainingResult.Start.RESUMED);
        assertThat(result.epochs()).isEqualTo(4);
        assertThat(result.steps()).isEqualTo(12);
        Map<String, Tensor> expectedBuffers = Layers.buffers(uninterrupted);
        Layers.parameters(uninterrupted).forEach((name, p) -> assertThat(Layers.parameters(resumed).get(name).value()
                .toFloatArray()).as(name).isEqualTo(p.value().toFloatArray()));
        Layers.buffers(resumed).forEach((name, t) ->
                assertThat(t.toFloatArray()).as(name).isEqualTo(expectedBuffers.get(name).toFloatArray()));
        assertThat(resumedHistory.rows).extracting(Recorder.Row::epoch).containsExactly(3, 4);
        for (String key : List.of("train/loss", "train/accuracy", "val/loss", "grad-norm/dense-1")) {
            assertThat(resumedHistory.column(key)).as(key).isEqualTo(straightHistory.column(key).subList(2, 4));
        }
    }

    @Test
    void resumingWithoutACheckpointStartsFromScratchAndSaysSo(@TempDir Path empty, @TempDir Path fresh) {
        Recorder recorder = new Recorder();
        TrainParams params = params().withCheckpoint(0);
        TinyStack resumed = network(2);
        TinyStack reference = network(2);

        TrainingResult result = Trainer.train(resumed, params, ToyData.blobs(10, 3), null,
                context(empty, new Recorder()).progress(recorder).resuming(true).build());
        Trainer.train(reference, params, ToyData.blobs(10, 3), null, context(fresh, new Recorder()).build());

        assertThat(result.start()).isEqualTo(TrainingResult.Start.NO_CHECKPOINT);
        assertThat(recorder.updates.get(0).message()).contains("no checkpoint").contains("training from the start");
        assertThat(Layers.parameters(resumed).get("dense-2.weight").value().toFloatArray())
                .isEqualTo(Layers.parameters(reference).get("dense-2.weight").value().toFloatArray());
    }

    @Test
    void checkpointsWithoutARunDirectoryFailBeforeTraining() {
        PlainSgd sgd = new PlainSgd(0.1f);
        TrainParams params = TrainParams.defaults(new RecordingMse(), sgd).withCheckpoint(2);

        assertThatThrownBy(() -> Trainer.train(new TinyDense(2, 1, "linear", new Rng(1)), params, ToyData.line(10, 1),
                null, RunContext.builder(1).stateFiles(new FileStateFiles()).build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("train.checkpoint is 2")
                .hasMessageContaining("run directory");
        assertThat(sgd.ratesUsed).isEmpty();
    }

    @Test
    void aCheckpointIsWrittenEveryNEpochs(@TempDir Path directory) {
        FileStateFiles files = new FileStateFiles();
        TrainParams params = TrainParams.defaults(new RecordingMse(), new PlainSgd(0.1f)).withEpochs(7).withCheckpoint(3);

        Trainer.train(new TinyDense(2, 1, "linear", new Rng(1)), params, ToyData.line(10, 1), null,
                RunContext.builder(1).runDirectory(directory).stateFiles(files).build());

        assertThat(files.writes).isEqualTo(2);
        try (var listing = Files.list(directory)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("checkpoint.grove");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aCheckpointOfAnotherBatchSizeIsRefused(@TempDir Path directory) {
        TrainParams params = TrainParams.defaults(new RecordingMse(), new PlainSgd(0.1f)).withEpochs(1).withCheckpoint(1)
                .withBatchSize(4);
        Trainer.train(new TinyDense(2, 1, "linear", new Rng(1)), params, ToyData.line(10, 1), null,
                RunContext.builder(1).runDirectory(directory).stateFiles(new FileStateFiles()).build());

        assertThatThrownBy(() -> Trainer.train(new TinyDense(2, 1, "linear", new Rng(1)), params.withBatchSize(5),
                ToyData.line(10, 1), null, RunContext.builder(1).runDirectory(directory).stateFiles(new FileStateFiles())
                        .resuming(true).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checkpoint.grove was written for 10 training rows in batches of 4")
                .hasMessageContaining("batches of 5");
    }
}
