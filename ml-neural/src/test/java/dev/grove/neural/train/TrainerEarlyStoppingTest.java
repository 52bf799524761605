package dev.grove.neural.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.run.RunContext;
import dev.grove.neural.loss.Loss;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerEarlyStoppingTest {

    /** MSE in training; in inference (validation) passes the next value of a fixed script. */
    private static final class ScriptedValidationLoss implements Loss {
        private final double[] script;
        private final RecordingMse mse = new RecordingMse();
        private int next;

        ScriptedValidationLoss(double... script) {
            this.script = script;
        }

        @Override
        public Tensor compute(Tensor output, Tensor target) {
            return Grad.isEnabled() ? mse.compute(output, target) : Tensor.scalar((float) script[next++]);
        }
    }

    @Test
    void stopsWhenPatienceRunsOutAndPutsTheBestEpochsWeightsBack() {
        // Improvements must beat the best by more than 0.05: epoch 2 (0.8) and epoch 5 (0.74) do;
        // epochs 3 and 4 are lower than 0.8 but not by enough, and 0.70 at epoch 8 is not 0.05 below
        // 0.74, so with patience 3 the run stops after epoch 8 and epoch 5 is the best.
        ScriptedValidationLoss loss = new ScriptedValidationLoss(1.0, 0.8, 0.78, 0.76, 0.74, 0.9, 0.8, 0.70, 0.5, 0.4);
        TinyDense network = new TinyDense(2, 1, "linear", new Rng(3));
        Map<Integer, float[]> weightsAfterEpoch = new HashMap<>();
        Recorder recorder = new Recorder((epoch, values) ->
                weightsAfterEpoch.put(epoch, network.weight().value().toFloatArray()));
        TrainParams params = TrainParams.defaults(loss, new PlainSgd(0.05f)).withEpochs(20).withBatchSize(8)
                .withEarlyStopping(new TrainParams.EarlyStopping("val/loss", 3, 0.05, true));

        TrainingResult result = Trainer.train(network, params, ToyData.line(20, 1), ToyData.line(5, 2),
                RunContext.builder(4).history(recorder).build());

        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.epochs()).isEqualTo(8);
        assertThat(recorder.rows).hasSize(8);
        assertThat(result.bestEpoch()).isEqualTo(5);
        assertThat(result.restoredBest()).isTrue();
        assertThat(result.bestFigures().get("val/loss")).isEqualTo(0.74f);
        assertThat(result.finalFigures().get("val/loss")).isEqualTo(0.70f);
        assertThat(network.weight().value().toFloatArray()).isEqualTo(weightsAfterEpoch.get(5))
                .isNotEqualTo(weightsAfterEpoch.get(8));
    }

    @Test
    void withoutRestoreBestTheLastWeightsStay() {
        ScriptedValidationLoss loss = new ScriptedValidationLoss(1.0, 2.0, 3.0, 4.0);
        TinyDense network = new TinyDense(2, 1, "linear", new Rng(3));
        Map<Integer, float[]> weightsAfterEpoch = new HashMap<>();
        Recorder recorder = new Recorder((epoch, values) ->
                weightsAfterEpoch.put(epoch, network.weight().value().toFloatArray()));
        TrainParams params = TrainParams.defaults(loss, new PlainSgd(0.05f)).withEpochs(20).withBatchSize(8)
                .withEarlyStopping(new TrainParams.EarlyStopping("val/loss", 2, 0, false));

        TrainingResult result = Trainer.train(network, params, ToyData.line(20, 1), ToyData.line(5, 2),
                RunContext.builder(4).history(recorder).build());

        assertThat(result.epochs()).isEqualTo(3);
        assertThat(result.bestEpoch()).isEqualTo(1);
        assertThat(result.restoredBest()).isFalse();
        assertThat(network.weight().value().toFloatArray()).isEqualTo(weightsAfterEpoch.get(3));
    }

    @Test
    void aHigherIsBetterMonitorCountsRisesAsImprovements() {
        TinyDense network = new TinyDense(2, 3, "softmax", new Rng(3));
        // Accuracy on separable blobs rises and then stays at 1, so patience 2 ends the run early.
        TrainParams params = TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.5f)).withEpochs(60)
                .withBatchSize(10).withEarlyStopping(new TrainParams.EarlyStopping("val/accuracy", 2, 0, true));
        Recorder recorder = new Recorder();

        TrainingResult result = Trainer.train(network, params, ToyData.blobs(10, 1), ToyData.blobs(5, 2),
                RunContext.builder(4).history(recorder).build());

        double best = recorder.column("val/accuracy").stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        int firstBest = recorder.column("val/accuracy").indexOf(best) + 1;
        assertThat(result.bestEpoch()).isEqualTo(firstBest);
        assertThat(result.epochs()).isEqualTo(firstBest + 2);
        assertThat(result.stoppedEarly()).isTrue();
    }

    @Test
    void aValidationMonitorWithoutValidationDataFailsBeforeTraining() {
        PlainSgd sgd = new PlainSgd(0.1f);
        TrainParams params = TrainParams.defaults(new RecordingMse(), sgd)
                .withEarlyStopping(new TrainParams.EarlyStopping("val/loss", 3, 0, true));

        assertThatThrownBy(() -> Trainer.train(new TinyDense(2, 1, "linear", new Rng(1)), params, ToyData.line(10, 1),
                null, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("monitors val/loss")
                .hasMessageContaining("no validation data")
                .hasMessageContaining("train.validation");
        assertThat(sgd.ratesUsed).isEmpty();
    }

    @Test
    void aMonitorThatIsNotRecordedFailsNamingTheRecordedFigures() {
        TrainParams params = TrainParams.defaults(new RecordingMse(), new PlainSgd(0.1f)).withValidation(0.2)
                .withEarlyStopping(new TrainParams.EarlyStopping("val/accuracy", 3, 0, true));

        assertThatThrownBy(() -> Trainer.train(new TinyDense(2, 1, "linear", new Rng(1)), params, ToyData.line(10, 1),
                null, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'val/accuracy' is not a figure")
                .hasMessageContaining("val/loss");
    }
}
