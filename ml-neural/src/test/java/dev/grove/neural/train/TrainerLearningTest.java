package dev.grove.neural.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrainerLearningTest {

    private static TinyStack mlp(long seed) {
        Rng rng = new Rng(seed);
        return new TinyStack(new TinyDense(2, 8, "tanh", rng), new TinyDense(8, 3, "softmax", rng));
    }

    private static RunContext context(long seed, Recorder recorder) {
        return RunContext.builder(seed).history(recorder).progress(recorder).build();
    }

    @Test
    void theLossFallsAndSeparableBlobsAreLearned() {
        Recorder recorder = new Recorder();
        TrainParams params = TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.1f, 0.9f))
                .withEpochs(15).withBatchSize(16);

        TrainingResult result = Trainer.train(mlp(2), params, ToyData.blobs(30, 1), null, context(3, recorder));

        List<Double> losses = recorder.column("train/loss");
        // An untrained 3-class network starts near ln 3 ≈ 1.10; separable blobs end far below.
        assertThat(losses.get(0)).isBetween(0.3, 1.3);
        assertThat(losses.get(14)).isLessThan(0.1).isLessThan(losses.get(0) / 5);
        assertThat(recorder.column("train/accuracy").get(14)).isGreaterThanOrEqualTo(0.97);
        // 90 rows in batches of 16: 6 steps per epoch, the last one of 10 rows.
        assertThat(result.epochs()).isEqualTo(15);
        assertThat(result.steps()).isEqualTo(90);
        assertThat(result.start()).isEqualTo(TrainingResult.Start.FRESH);
        assertThat(result.stoppedEarly()).isFalse();
        assertThat(result.monitor()).isEqualTo("train/loss");
        assertThat(recorder.updates.get(recorder.updates.size() - 1).message()).startsWith("epoch 15/15 loss ");
    }

    @Test
    void everyEpochRecordsTheDocumentedFiguresAndTheLastValidationFiguresMatchTheFinalNetwork() {
        Recorder recorder = new Recorder();
        Dataset validation = ToyData.blobs(7, 99);
        TinyStack network = mlp(4);
        TrainParams params = TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.05f, 0.9f))
                .withEpochs(3).withBatchSize(8).withL2(1e-3);

        Trainer.train(network, params, ToyData.blobs(10, 5), validation, context(6, recorder));

        assertThat(recorder.rows).extracting(Recorder.Row::epoch).containsExactly(1, 2, 3);
        for (Recorder.Row row : recorder.rows) {
            assertThat(row.values().keySet()).containsExactlyInAnyOrder("train/loss", "train/accuracy", "train/penalty",
                    "val/loss", "val/accuracy", "lr", "seconds", "samples-per-second", "grad-norm/dense-1",
                    "grad-norm/dense-2");
            assertThat(row.values().get("lr")).isEqualTo(0.05f);
            assertThat(row.values().get("samples-per-second")).isPositive();
        }
        // The last epoch validates with the final weights: recompute its figures independently.
        double lossSum = 0;
        int correct = 0;
        try (var g = Grad.off()) {
            float[] x = new float[2];
            for (int i = 0; i < validation.rows(); i++) {
                x[0] = (float) validation.feature(i, 0);
                x[1] = (float) validation.feature(i, 1);
                float[] p = network.forward(dev.grove.tensor.Tensor.of(x, 1, 2), Pass.inference()).toFloatArray();
                int label = validation.label(i);
                lossSum -= Math.log(p[label]);
                int argmax = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
                correct += argmax == label ? 1 : 0;
            }
        }
        Map<String, Double> last = recorder.rows.get(2).values();
        assertThat(last.get("val/loss")).isCloseTo(lossSum / validation.rows(), within(1e-5));
        assertThat(last.get("val/accuracy")).isEqualTo((double) correct / validation.rows());
    }

    @Test
    void crossEntropyFromLogitsSkipsTheFinalSoftmaxWhileOtherLossesSeeIt() {
        TinyStack logitsNetwork = mlp(1);
        Trainer.train(logitsNetwork, TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.1f)).withEpochs(1)
                .withBatchSize(9), ToyData.blobs(3, 1), ToyData.blobs(2, 2), context(1, new Recorder()));
        // One training step (9 rows) and one validation batch (6 rows), both before the softmax.
        assertThat(logitsNetwork.layer(1).beforeActivationCalls).isEqualTo(2);
        assertThat(logitsNetwork.layer(1).forwardCalls).isZero();

        Rng rng = new Rng(1);
        TinyStack probabilityNetwork = new TinyStack(new TinyDense(2, 4, "tanh", rng), new TinyDense(4, 1, "sigmoid", rng));
        Trainer.train(probabilityNetwork, TrainParams.defaults(new RecordingMse(), new PlainSgd(0.1f)).withEpochs(1)
                .withBatchSize(9), ToyData.line(9, 1), null, context(1, new Recorder()));
        assertThat(probabilityNetwork.layer(1).forwardCalls).isEqualTo(1);
        assertThat(probabilityNetwork.layer(1).beforeActivationCalls).isZero();
    }

    @Test
    void theEpochLossIsWeightedByBatchSizeAndGradientNormsAreAveragedOverSteps() {
        // With a zero learning rate the weights stay put, so every figure has a closed form.
        Dataset data = ToyData.line(10, 8);
        TinyDense network = new TinyDense(2, 1, "linear", new Rng(9));
        float[] w = network.weight().value().toFloatArray();
        float b = network.bias().value().item();
        Recorder recorder = new Recorder();
        TrainParams params = TrainParams.defaults(new RecordingMse(), new PlainSgd(0f)).withEpochs(1).withBatchSize(4)
                .withShuffle(false);

        Trainer.train(network, params, data, null, context(1, recorder));

        double squaredErrors = 0;
        double normSum = 0;
        int[][] batches = {{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9}};
        for (int[] batch : batches) {
            // d/dW of mean (ŷ - y)² is (2/B) Σ (ŷ - y) x, and d/db is (2/B) Σ (ŷ - y).
            double gw0 = 0;
            double gw1 = 0;
            double gb = 0;
            for (int i : batch) {
                double x0 = data.feature(i, 0);
                double x1 = data.feature(i, 1);
                double residual = x0 * w[0] + x1 * w[1] + b - data.target(i);
                squaredErrors += residual * residual;
                gw0 += 2 * residual * x0 / batch.length;
                gw1 += 2 * residual * x1 / batch.length;
                gb += 2 * residual / batch.length;
            }
            normSum += Math.sqrt(gw0 * gw0 + gw1 * gw1 + gb * gb);
        }
        Map<String, Double> figures = recorder.rows.get(0).values();
        assertThat(figures.get("train/loss")).isCloseTo(squaredErrors / 10, within(1e-5));
        assertThat(figures.get("grad-norm/tiny-dense")).isCloseTo(normSum / 3, within(1e-5));
        assertThat(figures).doesNotContainKeys("train/accuracy", "val/loss", "train/penalty");
    }

    @Test
    void theSameSeedsGiveBitwiseTheSameWeightsAndFigures() {
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        TrainParams params = TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.1f, 0.9f)).withEpochs(3)
                .withBatchSize(8).withValidation(0.2);
        TinyStack a = mlp(11);
        TinyStack b = mlp(11);
        TinyStack c = mlp(11);
        Trainer.train(a, params, ToyData.blobs(10, 3), null, context(12, first));
        Trainer.train(b, params, ToyData.blobs(10, 3), null, context(12, second));
        Trainer.train(c, params, ToyData.blobs(10, 3), null, context(13, new Recorder()));

        for (Map.Entry<String, dev.grove.neural.layer.Parameter> p : Layers.parameters(a).entrySet()) {
            float[] other = Layers.parameters(b).get(p.getKey()).value().toFloatArray();
            assertThat(p.getValue().value().toFloatArray()).as(p.getKey()).isEqualTo(other);
        }
        assertThat(Layers.parameters(c).get("dense-1.weight").value().toFloatArray())
                .as("another context seed shuffles and splits differently")
                .isNotEqualTo(Layers.parameters(a).get("dense-1.weight").value().toFloatArray());
        for (String key : Set.of("train/loss", "train/accuracy", "val/loss", "val/accuracy", "grad-norm/dense-1")) {
            assertThat(first.column(key)).as(key).isEqualTo(second.column(key));
        }
    }
}
