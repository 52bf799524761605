package dev.grove.neural.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.run.RunContext;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerMemoryTest {

    @Test
    void noStepsGraphOutlivesTheStep() {
        RecordingMse loss = new RecordingMse();
        Rng rng = new Rng(1);
        TinyStack network = new TinyStack(new TinyDense(2, 16, "tanh", rng), new TinyDense(16, 1, "linear", rng));
        List<WeakReference<Tensor>> earlierLosses = new ArrayList<>();
        List<Integer> stillReachable = new ArrayList<>();
        // While the run is still going (its last epoch is being recorded), every loss tensor of the
        // earlier epochs, and with it the graph it heads, must be collectable.
        Recorder recorder = new Recorder((epoch, values) -> {
            if (epoch == 2) {
                earlierLosses.addAll(loss.returned);
            } else if (epoch == 3) {
                stillReachable.add(reachableAfterCollection(earlierLosses));
            }
        });
        TrainParams params = TrainParams.defaults(loss, new PlainSgd(0.05f)).withEpochs(3).withBatchSize(8);

        Trainer.train(network, params, ToyData.line(64, 1), null, RunContext.builder(1).history(recorder).build());

        assertThat(earlierLosses).hasSize(16);
        assertThat(stillReachable).containsExactly(0);
    }

    private static int reachableAfterCollection(List<WeakReference<Tensor>> references) {
        int reachable = references.size();
        for (int attempt = 0; attempt < 20 && reachable > 0; attempt++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reachable = (int) references.stream().filter(r -> r.get() != null).count();
        }
        return reachable;
    }
}
