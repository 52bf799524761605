package dev.grove.neural.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TrainerFreezeAndDivergenceTest {

    @Test
    void frozenParametersStayBitwiseUnchangedAndGetNoGradientOrPenalty() {
        Rng rng = new Rng(3);
        TinyStack network = new TinyStack(new TinyDense(2, 6, "tanh", rng), new TinyDense(6, 3, "softmax", rng));
        TinyDense body = network.layer(0);
        body.weight().setFrozen(true);
        body.bias().setFrozen(true);
        float[] bodyWeight = body.weight().value().toFloatArray();
        float[] bodyBias = body.bias().value().toFloatArray();
        float[] headWeight = network.layer(1).weight().value().toFloatArray();
        Recorder recorder = new Recorder();
        TrainParams params = TrainParams.defaults(new SoftmaxCrossEntropy(), new PlainSgd(0.1f, 0.9f)).withEpochs(3)
                .withBatchSize(8).withL2(0.01);

        Trainer.train(network, params, ToyData.blobs(10, 2), null, RunContext.builder(1).history(recorder).build());

        assertThat(body.weight().value().toFloatArray()).isEqualTo(bodyWeight);
        assertThat(body.bias().value().toFloatArray()).isEqualTo(bodyBias);
        assertThat(network.layer(1).weight().value().toFloatArray()).isNotEqualTo(headWeight);
        assertThat(body.weight().value().grad()).isNull();
        assertThat(body.weight().value().requiresGrad()).as("restored after training").isTrue();
        assertThat(recorder.rows.get(0).values()).containsKey("grad-norm/dense-2").doesNotContainKey("grad-norm/dense-1");
    }

    @Test
    void aDivergingLearningRateStopsNamingTheEpochTheStepAndTheFirstNonFiniteLayer() {
        Rng rng = new Rng(4);
        TinyStack network = new TinyStack(new TinyDense(2, 4, "linear", rng), new TinyDense(4, 1, "linear", rng));
        PlainSgd sgd = new PlainSgd(1e4f);
        Recorder recorder = new Recorder();
        // 20 rows in batches of 5: 4 steps per epoch.
        TrainParams params = TrainParams.defaults(new RecordingMse(), sgd).withEpochs(100).withBatchSize(5);

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> Trainer.train(network, params,
                ToyData.line(20, 1), null, RunContext.builder(1).progress(recorder).build()));

        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("lower learning rate");
        Matcher m = Pattern.compile("training diverged at epoch (\\d+), step (\\d+) of 400: the loss is (\\S+?);? ")
                .matcher(thrown.getMessage());
        assertThat(m.find()).as(thrown.getMessage()).isTrue();
        int epoch = Integer.parseInt(m.group(1));
        int step = Integer.parseInt(m.group(2));
        assertThat(step).isGreaterThan(1);
        assertThat(epoch).isEqualTo((step - 1) / 4 + 1);
        // Every step before the diverging one was completed and reported; the diverging one updated nothing.
        assertThat(recorder.updates.get(recorder.updates.size() - 1).done()).isEqualTo(step - 1);
        assertThat(sgd.ratesUsed).hasSize(step - 1);
        // The gradients of the diverging step are still there: the named parameter is the first, in
        // walk order, holding a value that is not finite.
        String firstNonFinite = null;
        for (Map.Entry<String, Parameter> p : Layers.parameters(network).entrySet()) {
            Tensor grad = p.getValue().value().grad();
            if (grad != null && !allFinite(grad.toFloatArray())) {
                firstNonFinite = p.getKey();
                break;
            }
        }
        assertThat(firstNonFinite).isNotNull();
        assertThat(thrown.getMessage()).contains("parameter " + firstNonFinite);
        assertThat(thrown.getMessage()).contains("layer " + firstNonFinite.substring(0, firstNonFinite.indexOf('.')));
    }

    @Test
    void aNetworkWithEveryParameterFrozenIsRejected() {
        TinyDense network = new TinyDense(2, 1, "linear", new Rng(1));
        network.parameters().forEach(p -> p.setFrozen(true));

        assertThatThrownBy(() -> Trainer.train(network, TrainParams.defaults(new RecordingMse(), new PlainSgd(0.1f)),
                ToyData.line(10, 1), null, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no unfrozen parameter");
    }

    private static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
