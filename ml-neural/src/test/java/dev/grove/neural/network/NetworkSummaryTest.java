package dev.grove.neural.network;

import static dev.grove.neural.network.TestLayers.conv;
import static dev.grove.neural.network.TestLayers.dense;
import static dev.grove.neural.network.TestLayers.flatten;
import static dev.grove.neural.network.TestLayers.maxPool;
import static dev.grove.neural.network.TestLayers.relu;
import static dev.grove.neural.network.TestLayers.sequential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.grove.api.data.Schema;
import dev.grove.api.model.Summary;
import dev.grove.neural.layer.LayerSpec;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NetworkSummaryTest {

    /** The course's CIFAR-10 CNN: conv 32, 64, 64 (3x3 valid, relu), the first two each followed by 2x2 max pooling, flatten, dense 64 relu, dense 10 softmax. */
    private static final LayerSpec COURSE_CNN = sequential(conv(32), maxPool(2), conv(64), maxPool(2), conv(64), flatten(),
            dense(64, "relu"), dense(10, "softmax"));

    private static final Schema CIFAR = new Schema(IntStream.range(0, 3 * 32 * 32).mapToObj(i -> "pixel-" + i).toList(),
            "label", IntStream.range(0, 10).mapToObj(i -> "class-" + i).toList(), List.of(3, 32, 32));

    @Test
    void theCourseCnnHasTheKerasTable() {
        Summary summary = new Network(new NetworkParams(COURSE_CNN, TestTraining.train(1))).summary(CIFAR);

        // The table (Keras's model.summary() of the same network): shapes channels last.
        assertThat(summary.rows()).extracting(Summary.Row::name, Summary.Row::outputShape, Summary.Row::parameters)
                .containsExactly(
                        tuple("conv2d-1", List.of(30, 30, 32), 896L),
                        tuple("max-pool2d-1", List.of(15, 15, 32), 0L),
                        tuple("conv2d-2", List.of(13, 13, 64), 18496L),
                        tuple("max-pool2d-2", List.of(6, 6, 64), 0L),
                        tuple("conv2d-3", List.of(4, 4, 64), 36928L),
                        tuple("flatten-1", List.of(1024), 0L),
                        tuple("dense-1", List.of(64), 65600L),
                        tuple("dense-2", List.of(10), 650L));
        assertThat(summary.rows()).extracting(Summary.Row::kind).startsWith("conv2d", "max-pool2d");
        assertThat(summary.total()).isEqualTo(122_570L);
        assertThat(summary.trainable()).isEqualTo(122_570L);
    }

    @Test
    void frozenLayersAreNotTrainable() {
        var train = TestTraining.train(TestTraining.crossEntropy(), TestTraining.sgd(0.1f), 1, 8, List.of("conv2d-1", "dense-2"), null);

        Summary summary = new Network(new NetworkParams(COURSE_CNN, train)).summary(CIFAR);

        assertThat(summary.total()).isEqualTo(122_570L);
        assertThat(summary.trainable()).isEqualTo(122_570L - 896 - 650);
    }

    @Test
    void blocksAreFollowedByTheirLayersUnderDottedNames() {
        LayerSpec nested = sequential(dense(4, "relu"), sequential(dense(3, "linear"), relu()));
        Schema table = new Schema(List.of("a", "b"), "label", List.of("x", "y", "z"));

        Summary summary = new Network(new NetworkParams(nested, TestTraining.train(1))).summary(table);

        assertThat(summary.rows()).extracting(Summary.Row::name, Summary.Row::outputShape, Summary.Row::parameters)
                .containsExactly(
                        tuple("dense-1", List.of(4), 2L * 4 + 4),
                        tuple("sequential-1", List.of(3), 0L),
                        tuple("sequential-1.dense-1", List.of(3), 4L * 3 + 3),
                        tuple("sequential-1.relu-1", List.of(3), 0L));
        assertThat(summary.total()).isEqualTo(12L + 15);
    }

    @Test
    void theOutputIsCheckedAgainstTheClassesOfTheSchema() {
        Schema fiveClasses = new Schema(CIFAR.featureNames(), "label", List.of("a", "b", "c", "d", "e"), List.of(3, 32, 32));
        Network network = new Network(new NetworkParams(COURSE_CNN, TestTraining.train(1)));

        assertThatThrownBy(() -> network.summary(fiveClasses))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outputs shape [10]")
                .hasMessageContaining("dense: {units: 5}");
    }

    @Test
    void kerasOrderPutsChannelsLastOnlyForImages() {
        assertThat(NetworkSummary.kerasOrder(new int[] {32, 30, 28})).containsExactly(30, 28, 32);
        assertThat(NetworkSummary.kerasOrder(new int[] {1024})).containsExactly(1024);
        assertThat(NetworkSummary.kerasOrder(new int[] {20, 8})).containsExactly(20, 8);
    }
}
