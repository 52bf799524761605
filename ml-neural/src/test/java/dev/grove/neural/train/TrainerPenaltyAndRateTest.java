package dev.grove.neural.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.run.RunContext;
import dev.grove.neural.optim.Schedule;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerPenaltyAndRateTest {

    private static TrainParams oneFullBatchStep(PlainSgd sgd) {
        return TrainParams.defaults(new RecordingMse(), sgd).withSteps(1).withBatchSize(8);
    }

    @Test
    void aGlobalL2PenaltyAddsLambdaSumOfSquaredWeightsAndItsGradient() {
        double lambda = 0.01;
        float rate = 0.1f;
        TinyDense plain = new TinyDense(2, 1, "linear", new Rng(5));
        TinyDense penalised = new TinyDense(2, 1, "linear", new Rng(5));
        float[] w0 = penalised.weight().value().toFloatArray();
        Recorder plainHistory = new Recorder();
        Recorder penalisedHistory = new Recorder();

        Trainer.train(plain, oneFullBatchStep(new PlainSgd(rate)), ToyData.line(8, 1), null,
                RunContext.builder(1).history(plainHistory).build());
        Trainer.train(penalised, oneFullBatchStep(new PlainSgd(rate)).withL2(lambda), ToyData.line(8, 1), null,
                RunContext.builder(1).history(penalisedHistory).build());

        double sumOfSquares = 0;
        for (float w : w0) {
            sumOfSquares += (double) w * w;
        }
        // The bias is not a weight: the global penalty leaves it out.
        assertThat(penalisedHistory.rows.get(0).values().get("train/penalty")).isCloseTo(lambda * sumOfSquares, within(1e-8));
        assertThat(penalisedHistory.rows.get(0).values().get("train/loss"))
                .isEqualTo(plainHistory.rows.get(0).values().get("train/loss"));
        // d(λΣw²)/dw = 2λw, so the penalised step moves each weight by a further -rate·2λ·w0.
        float[] wPlain = plain.weight().value().toFloatArray();
        float[] wPenalised = penalised.weight().value().toFloatArray();
        for (int i = 0; i < w0.length; i++) {
            assertThat((double) wPenalised[i] - wPlain[i]).isCloseTo(-rate * 2 * lambda * w0[i], within(1e-7));
        }
        assertThat(penalised.bias().value().item()).isEqualTo(plain.bias().value().item());
    }

    @Test
    void aGlobalL1PenaltyAddsLambdaSumOfAbsoluteWeightsAndItsSign() {
        double lambda = 0.02;
        float rate = 0.1f;
        TinyDense plain = new TinyDense(2, 1, "linear", new Rng(6));
        TinyDense penalised = new TinyDense(2, 1, "linear", new Rng(6));
        float[] w0 = penalised.weight().value().toFloatArray();
        Recorder history = new Recorder();

        Trainer.train(plain, oneFullBatchStep(new PlainSgd(rate)), ToyData.line(8, 1), null, RunContext.withSeed(1));
        Trainer.train(penalised, oneFullBatchStep(new PlainSgd(rate)).withL1(lambda), ToyData.line(8, 1), null,
                RunContext.builder(1).history(history).build());

        double sumOfAbsolutes = Math.abs((double) w0[0]) + Math.abs((double) w0[1]);
        assertThat(history.rows.get(0).values().get("train/penalty")).isCloseTo(lambda * sumOfAbsolutes, within(1e-8));
        float[] wPlain = plain.weight().value().toFloatArray();
        float[] wPenalised = penalised.weight().value().toFloatArray();
        for (int i = 0; i < w0.length; i++) {
            assertThat((double) wPenalised[i] - wPlain[i]).isCloseTo(-rate * lambda * Math.signum(w0[i]), within(1e-7));
        }
    }

    /** A step decay that halves the rate every 3 steps it is given, recording its arguments. */
    private static final class RecordingHalving implements Schedule {
        final List<long[]> calls = new ArrayList<>();

        @Override
        public float rate(float base, long step, long totalSteps, int epoch) {
            calls.add(new long[] {step, totalSteps, epoch});
            return (float) (base * Math.pow(0.5, step / 3));
        }
    }

    @Test
    void theRateWarmsUpLinearlyThenFollowsTheScheduleFromItsStart() {
        PlainSgd sgd = new PlainSgd(0.1f);
        RecordingHalving schedule = new RecordingHalving();
        Recorder recorder = new Recorder();
        // 10 rows in batches of 4: 3 steps per epoch, 9 steps in all, the first 4 warming up.
        TrainParams params = TrainParams.defaults(new RecordingMse(), sgd).withEpochs(3).withBatchSize(4)
                .withWarmupSteps(4).withSchedule(schedule);

        Trainer.train(new TinyDense(2, 1, "linear", new Rng(1)), params, ToyData.line(10, 1), null,
                RunContext.builder(1).history(recorder).build());

        float[] expected = {0.025f, 0.05f, 0.075f, 0.1f, 0.1f, 0.1f, 0.1f, 0.05f, 0.05f};
        assertThat(sgd.ratesUsed).hasSize(9);
        for (int s = 0; s < 9; s++) {
            assertThat(sgd.ratesUsed.get(s)).as("step %d", s).isCloseTo(expected[s], within(1e-9f));
        }
        // After warm-up the schedule sees steps 0..4 of the 5 that remain; epochs counted from 0.
        assertThat(schedule.calls).containsExactly(new long[] {0, 5, 1}, new long[] {1, 5, 1}, new long[] {2, 5, 2},
                new long[] {3, 5, 2}, new long[] {4, 5, 2});
        assertThat(recorder.column("lr")).containsExactly((double) 0.075f, (double) 0.1f, (double) 0.05f);
    }

    @Test
    void clippingByNormLimitsTheWholeStep() {
        TinyDense network = new TinyDense(2, 1, "linear", new Rng(2));
        float[] w0 = network.weight().value().toFloatArray();
        float b0 = network.bias().value().item();
        // Plain SGD at rate 1 moves the parameters by exactly the clipped gradient.
        Trainer.train(network, oneFullBatchStep(new PlainSgd(1f)).withClipNorm(1e-3), ToyData.line(8, 1), null,
                RunContext.withSeed(1));

        float[] w1 = network.weight().value().toFloatArray();
        double db = network.bias().value().item() - b0;
        double moved = Math.sqrt(Math.pow(w1[0] - w0[0], 2) + Math.pow(w1[1] - w0[1], 2) + db * db);
        assertThat(moved).isCloseTo(1e-3, within(1e-6));
    }
}
