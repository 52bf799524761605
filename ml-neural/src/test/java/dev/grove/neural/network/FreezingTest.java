package dev.grove.neural.network;

import static dev.grove.neural.network.TestLayers.dense;
import static dev.grove.neural.network.TestLayers.relu;
import static dev.grove.neural.network.TestLayers.sequential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.tensor.Rng;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FreezingTest {

    private static final LayerSpec FOUR_LAYERS = sequential(dense(8, "relu"), relu(), dense(8, "relu"), dense(3, "softmax"));

    private static Map<String, Boolean> frozenByName(Layer network) {
        return Layers.parameters(network).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().frozen()));
    }

    @Test
    void freezesTheNamedLayers() {
        Layer network = FOUR_LAYERS.build(new int[] {2}, new Rng(0));

        List<String> frozen = Freezing.apply("network", network, List.of("dense-1", "dense-3"));

        assertThat(frozen).containsExactly("dense-1", "dense-3");
        assertThat(frozenByName(network)).containsOnly(
                Map.entry("dense-1.weight", true), Map.entry("dense-1.bias", true),
                Map.entry("dense-2.weight", false), Map.entry("dense-2.bias", false),
                Map.entry("dense-3.weight", true), Map.entry("dense-3.bias", true));
    }

    @Test
    void aNumberFreezesTheFirstLayersThatHaveParameters() {
        Layer network = FOUR_LAYERS.build(new int[] {2}, new Rng(0));

        // relu-1 has no parameters, so the first two are dense-1 and dense-2.
        List<String> frozen = Freezing.apply("network", network, List.of("2"));

        assertThat(frozen).containsExactly("dense-1", "dense-2");
        assertThat(frozenByName(network)).containsEntry("dense-2.bias", true).containsEntry("dense-3.weight", false);
        assertThat(Freezing.apply("network", FOUR_LAYERS.build(new int[] {2}, new Rng(0)), List.of("0"))).isEmpty();
    }

    @Test
    void unknownNamesAndTooLargeCountsAreErrorsListingTheLayers() {
        Layer network = FOUR_LAYERS.build(new int[] {2}, new Rng(0));

        assertThatThrownBy(() -> Freezing.apply("network", network, List.of("dense-9")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'dense-9'")
                .hasMessageContaining("dense-1, relu-1, dense-2, dense-3");
        assertThatThrownBy(() -> Freezing.apply("network", network, List.of("4")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 layers with parameters (dense-1, dense-2, dense-3)");
        assertThat(Layers.parameters(network).values()).noneMatch(Parameter::frozen);
    }

    @Test
    void frozenWeightsStayBitwiseUnchangedThroughAFit() {
        Dataset data = TestTraining.threeBlobs(1, 20);
        RunContext context = RunContext.withSeed(11);
        // The fit draws its initial weights from the same stream, so this is the network it starts from.
        Map<String, float[]> initial = Layers.parameters(FOUR_LAYERS.build(new int[] {2}, context.rng("init"))).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().value().toFloatArray()));
        var train = TestTraining.train(TestTraining.crossEntropy(), TestTraining.sgd(0.5f), 5, 16, List.of("dense-1"), null);

        NetworkModel model = new Network(new NetworkParams(FOUR_LAYERS, train)).fit(data, context);

        var state = model.state();
        assertThat(state.floats("dense-1.weight")).isEqualTo(initial.get("dense-1.weight"));
        assertThat(state.floats("dense-1.bias")).isEqualTo(initial.get("dense-1.bias"));
        assertThat(state.floats("dense-2.weight")).isNotEqualTo(initial.get("dense-2.weight"));
    }
}
