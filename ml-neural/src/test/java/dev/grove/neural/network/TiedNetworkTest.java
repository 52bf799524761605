package dev.grove.neural.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.SequentialSpec;
import org.junit.jupiter.api.Test;

/** A network with a tied dense layer trains, saves its shared weight once and restores to the same predictions. */
class TiedNetworkTest {

    /** 3 features → 4 → 3 classes, the second layer's weight the first's transposed. */
    private static final LayerSpec TIED = SequentialSpec.of(new DenseSpec(DenseParams.of(4, "tanh")),
            new DenseSpec(DenseParams.of(3, "softmax").withTie("dense-1")));

    @Test
    void trainsSavesTheSharedWeightOnceAndRestores() {
        Dataset blobs = TestTraining.blobs(1, 30, new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 2}});
        NetworkModel model = new Network(new NetworkParams(TIED, TestTraining.train(30))).fit(blobs, RunContext.withSeed(1));
        ModelState state = model.state();

        assertThat(state.arrays().keySet()).containsExactly("dense-1.weight", "dense-1.bias", "dense-2.bias");
        NetworkClassifier classifier = (NetworkClassifier) model;
        int[] predicted = classifier.predict(blobs);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == blobs.label(i) ? 1 : 0;
        }
        assertThat(correct / (double) predicted.length).as("training accuracy on well separated blobs").isGreaterThan(0.9);
        NetworkClassifier restored = (NetworkClassifier) NetworkModel.restore("network", TIED, model.schema(), state);
        assertThat(restored.predictProba(blobs)).isDeepEqualTo(classifier.predictProba(blobs));
    }
}
