package dev.grove.neural.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.GraphParams;
import dev.grove.neural.layer.GraphSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.ResidualParams;
import dev.grove.neural.layer.ResidualSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.tensor.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@code dense} layer without units gets one per class of the training data, however deep it sits. */
class DenseUnitsFromDataTest {

    /** {@code dense: {}}: every param at its default. */
    private static DenseSpec denseWithoutUnits() {
        return new DenseSpec(new DenseParams(0, "linear", true, "glorot-uniform", 0, 0, null));
    }

    @Test
    void aLastDenseWithoutUnitsGetsOnePerClass() {
        Dataset data = TestTraining.threeBlobs(1, 20);
        LayerSpec layers = SequentialSpec.of(new DenseSpec(DenseParams.of(8, "relu")), denseWithoutUnits());
        Network network = new Network(new NetworkParams(layers, TestTraining.train(2)));

        NetworkModel model = network.fit(data, RunContext.withSeed(3));

        assertThat(model.outputShape()).containsExactly(3);
        // 2 features -> 8 -> 3: (2*8 + 8) + (8*3 + 3)
        assertThat(model.parameterCount()).isEqualTo(24 + 27);
        assertThat(network.summary(data.schema()).rows()).last()
                .satisfies(row -> assertThat(row.outputShape()).containsExactly(3));
    }

    @Test
    void containersResolveTheirChildren() {
        Schema schema = TestTraining.threeBlobs(1, 5).schema();
        GraphSpec graph = new GraphSpec(GraphParams.of(
                GraphParams.Node.of("body", new ResidualSpec(new ResidualParams(
                        List.of(new DenseSpec(DenseParams.of(2, "relu"))), "relu"))),
                GraphParams.Node.of("head", SequentialSpec.of(denseWithoutUnits()))));

        LayerSpec resolved = graph.forData(schema);

        assertThat(resolved.build(new int[] {2}, new Rng(0)).outputShape()).containsExactly(3);
    }

    @Test
    void tokenIdRowsWithoutClassesGetOneUnitPerVocabularyToken() {
        Schema sentences = new Schema(List.of("t0", "t1"), null, List.of(), List.of(2),
                List.of("<unk>", "<pad>", "<mask>", "the", "film"), null);

        LayerSpec resolved = denseWithoutUnits().forData(sentences);

        assertThat(resolved.build(new int[] {2, 8}, new Rng(0)).outputShape()).containsExactly(2, 5);
    }

    @Test
    void withoutClassesTheUnitsMustBeGiven() {
        Schema numeric = new Schema(List.of("x"), "y", List.of());
        LayerSpec layers = SequentialSpec.of(new DenseSpec(DenseParams.of(4, "relu")), denseWithoutUnits());

        assertThatThrownBy(() -> layers.forData(numeric))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer dense-2: dense: units is not set and the data has no classes to take it from"
                        + " (target 'y' is numeric); set units");
        assertThatThrownBy(() -> denseWithoutUnits().build(new int[] {4}, new Rng(0)))
                .hasMessageContaining("dense: units is not set");
    }
}
