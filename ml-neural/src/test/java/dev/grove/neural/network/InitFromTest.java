package dev.grove.neural.network;

import static dev.grove.neural.network.TestLayers.dense;
import static dev.grove.neural.network.TestLayers.sequential;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.InMemoryStateFiles;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.train.InitArray;
import dev.grove.tensor.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InitFromTest {

    private static final LayerSpec THREE_CLASS = sequential(dense(8, "relu"), dense(3, "softmax"));
    private static final LayerSpec TWO_CLASS = sequential(dense(8, "relu"), dense(2, "softmax"));

    private static ModelState stateOf(Layer network) {
        return NetworkWeights.write(network, ModelState.builder()).build();
    }

    private static float[] values(Layer network, String name) {
        return NetworkWeights.arrays(network).get(name).toFloatArray();
    }

    @Test
    void copiesArraysMatchingByNameAndShapeAndLeavesANewHeadFresh() {
        Layer pretrained = THREE_CLASS.build(new int[] {2}, new Rng(1));
        Layer target = TWO_CLASS.build(new int[] {2}, new Rng(2));
        Layer fresh = TWO_CLASS.build(new int[] {2}, new Rng(2));

        InitFrom.Report report = InitFrom.load(target, stateOf(pretrained), "pretrained.grove", List.of());

        assertThat(report.loaded()).containsExactly("dense-1.weight", "dense-1.bias");
        assertThat(report.fresh()).containsExactly("dense-2.weight", "dense-2.bias");
        // The old three-class head has the new head's names but not its shapes: it starts nothing.
        assertThat(report.unused()).containsExactly("dense-2.weight", "dense-2.bias");
        assertThat(values(target, "dense-1.weight")).isEqualTo(values(pretrained, "dense-1.weight"))
                .isNotEqualTo(values(fresh, "dense-1.weight"));
        assertThat(values(target, "dense-2.weight")).isEqualTo(values(fresh, "dense-2.weight"));
    }

    @Test
    void reportsSavedArraysTheNetworkHasNoPlaceFor() {
        Layer deeper = sequential(dense(8, "relu"), dense(3, "relu"), dense(3, "softmax")).build(new int[] {2}, new Rng(1));

        InitFrom.Report report = InitFrom.load(THREE_CLASS.build(new int[] {2}, new Rng(2)), stateOf(deeper), "deeper.grove", List.of());

        assertThat(report.loaded()).containsExactly("dense-1.weight", "dense-1.bias", "dense-2.weight", "dense-2.bias");
        assertThat(report.unused()).containsExactly("dense-3.weight", "dense-3.bias");
    }

    @Test
    void transferLearningStartsFromTheSavedBodyKeepsItFrozenAndTrainsANewHead() {
        // Pretrain on three classes, then learn two other classes with the body frozen and a new two-unit head.
        NetworkModel pretrained = new Network(new NetworkParams(THREE_CLASS, TestTraining.train(20)))
                .fit(TestTraining.threeBlobs(1, 30), RunContext.withSeed(1));
        InMemoryStateFiles files = new InMemoryStateFiles();
        files.write(Path.of("runs/pretrain/model.grove"), pretrained.state());
        List<Map<String, Double>> initFromRows = new ArrayList<>();
        RunContext context = RunContext.builder(2).stateFiles(files)
                .history((scope, step, values) -> {
                    if (scope.equals("init-from")) {
                        initFromRows.add(values);
                    }
                }).build();
        Dataset otherClasses = TestTraining.blobs(3, 40, new double[][] {{3, 3}, {-3, 0}});
        var train = TestTraining.train(TestTraining.crossEntropy(), TestTraining.sgd(0.5f), 20, 16, List.of("dense-1"),
                "runs/pretrain/model.grove");

        NetworkClassifier model = (NetworkClassifier) new Network(new NetworkParams(TWO_CLASS, train)).fit(otherClasses, context);

        assertThat(model.state().floats("dense-1.weight")).isEqualTo(pretrained.state().floats("dense-1.weight"));
        assertThat(model.state().floats("dense-1.bias")).isEqualTo(pretrained.state().floats("dense-1.bias"));
        assertThat(initFromRows).containsExactly(Map.of("loaded", 2.0, "fresh", 2.0, "unused", 2.0));
        Map<String, String> recorded = Map.of("init-from", Path.of("runs/pretrain/model.grove").toString(),
                "init-from.loaded", "dense-1.weight, dense-1.bias", "init-from.fresh", "dense-2.weight, dense-2.bias");
        assertThat(model.state().attributes()).containsAllEntriesOf(recorded);
        assertThat(NetworkModel.restore("network", TWO_CLASS, model.schema(), model.state()).state().attributes())
                .containsAllEntriesOf(recorded);
        int[] predicted = model.predict(otherClasses);
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == otherClasses.label(i) ? 1 : 0;
        }
        assertThat(correct / (double) predicted.length).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void needsStateFilesAReadableFileAndAtLeastOneMatchingArray() {
        Layer network = TWO_CLASS.build(new int[] {2}, new Rng(0));
        InMemoryStateFiles files = new InMemoryStateFiles();
        files.write(Path.of("other.grove"), ModelState.builder().put("coef", new double[] {1, 2}).build());
        RunContext withFiles = RunContext.builder(0).stateFiles(files).build();

        assertThatThrownBy(() -> InitFrom.apply("network", network, "model.grove", List.of(), RunContext.withSeed(0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("init-from model.grove");
        assertThatThrownBy(() -> InitFrom.apply("network", network, "missing.grove", List.of(), withFiles))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read missing.grove");
        assertThatThrownBy(() -> InitFrom.apply("network", network, "other.grove", List.of(), withFiles))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no saved array matches")
                .hasMessageContaining("[coef]");
    }

    @Test
    void initArraysCopiesASavedMatrixTransposedIntoAnArrayOfAnotherName() {
        // dense-1.weight is [2, 4] and dense-2.weight [4, 2]: the first, transposed, fits the second.
        LayerSpec spec = sequential(dense(4, "relu"), dense(2, "softmax"));
        Layer saved = spec.build(new int[] {2}, new Rng(1));
        Layer target = spec.build(new int[] {2}, new Rng(2));
        float[] first = values(saved, "dense-1.weight");

        InitFrom.Report report = InitFrom.load(target, stateOf(saved), "saved.grove",
                InitArray.parseAll(List.of("dense-2.weight <- dense-1.weight^T")));

        float[] taken = values(target, "dense-2.weight");
        for (int row = 0; row < 4; row++) {
            for (int column = 0; column < 2; column++) {
                assertThat(taken[row * 2 + column]).as("dense-2.weight[%d][%d]", row, column).isEqualTo(first[column * 4 + row]);
            }
        }
        assertThat(values(target, "dense-1.weight")).isEqualTo(first);
        assertThat(report.loaded()).containsExactly("dense-1.weight", "dense-1.bias", "dense-2.bias",
                "dense-2.weight <- dense-1.weight^T");
        assertThat(report.fresh()).isEmpty();
        // The saved dense-2.weight was copied by name, then replaced: it started nothing.
        assertThat(report.unused()).containsExactly("dense-2.weight");
    }

    @Test
    void initArraysWithoutTransposeCopiesAsIsAndReportsTheSavedArrayAsUsed() {
        // The file's dense-3 has no namesake in the two-layer network; its weight starts dense-1's.
        Layer saved = sequential(dense(3, "relu"), dense(3, "relu"), dense(3, "softmax")).build(new int[] {3}, new Rng(1));
        Layer target = sequential(dense(3, "relu"), dense(3, "softmax")).build(new int[] {3}, new Rng(2));

        InitFrom.Report report = InitFrom.load(target, stateOf(saved), "saved.grove",
                InitArray.parseAll(List.of("dense-1.weight <- dense-3.weight")));

        assertThat(values(target, "dense-1.weight")).isEqualTo(values(saved, "dense-3.weight"))
                .isNotEqualTo(values(saved, "dense-1.weight"));
        assertThat(values(target, "dense-2.weight")).isEqualTo(values(saved, "dense-2.weight"));
        assertThat(report.loaded()).containsExactly("dense-1.bias", "dense-2.weight", "dense-2.bias",
                "dense-1.weight <- dense-3.weight");
        // The saved dense-1.weight was replaced, and nothing took dense-3.bias.
        assertThat(report.unused()).containsExactly("dense-1.weight", "dense-3.bias");
    }

    @Test
    void aFailedInitArraysEntryNamesTheComponentAndTheFile() {
        Layer network = TWO_CLASS.build(new int[] {2}, new Rng(0));
        InMemoryStateFiles files = new InMemoryStateFiles();
        files.write(Path.of("pretrained.grove"), stateOf(THREE_CLASS.build(new int[] {2}, new Rng(1))));
        RunContext withFiles = RunContext.builder(0).stateFiles(files).build();

        assertThatThrownBy(() -> InitFrom.apply("network", network, "pretrained.grove",
                InitArray.parseAll(List.of("dense-2.weight <- head.weight")), withFiles))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("network: train.init-from pretrained.grove: init-arrays 'dense-2.weight <- head.weight'")
                .hasMessageContaining("the file has no array head.weight");
    }

    @Test
    void initArraysSaysWhichArrayIsMissingOrHasTheWrongShape() {
        LayerSpec spec = sequential(dense(4, "relu"), dense(2, "softmax"));
        ModelState saved = stateOf(spec.build(new int[] {2}, new Rng(1)));
        Layer target = spec.build(new int[] {2}, new Rng(2));

        assertThatThrownBy(() -> InitFrom.load(target, saved, "s", InitArray.parseAll(List.of("dense-9.weight <- dense-1.weight"))))
                .hasMessageContaining("the network has no array dense-9.weight").hasMessageContaining("dense-2.weight");
        assertThatThrownBy(() -> InitFrom.load(target, saved, "s", InitArray.parseAll(List.of("dense-2.weight <- head.weight^T"))))
                .hasMessageContaining("the file has no array head.weight").hasMessageContaining("dense-1.bias");
        assertThatThrownBy(() -> InitFrom.load(target, saved, "s", InitArray.parseAll(List.of("dense-2.weight <- dense-1.weight"))))
                .hasMessageContaining("dense-2.weight is [4, 2] but dense-1.weight is [2, 4]");
        assertThatThrownBy(() -> InitFrom.load(target, saved, "s", InitArray.parseAll(List.of("dense-2.bias <- dense-1.bias^T"))))
                .hasMessageContaining("dense-1.bias is [4], not a matrix");
    }

    @Test
    void initArraysEntriesMustBeTargetArrowSourceWithDistinctTargetsAndNeedInitFrom() {
        assertThat(InitArray.parse(" embedding-1.weight<-dense-1.weight ^T "))
                .isEqualTo(new InitArray("embedding-1.weight", "dense-1.weight", true));
        assertThatThrownBy(() -> InitArray.parse("embedding-1.weight = dense-1.weight")).hasMessageContaining("'TARGET <- SOURCE'");
        assertThatThrownBy(() -> InitArray.parse("<- dense-1.weight")).hasMessageContaining("is not 'TARGET <- SOURCE'");
        assertThatThrownBy(() -> InitArray.parse("embedding-1.weight\t<-dense-1\tweight")).hasMessageContaining("is not");
        assertThatThrownBy(() -> InitArray.parseAll(List.of("a.w <- b.w", "a.w <- c.w"))).hasMessageContaining("a.w is given twice");
        assertThatThrownBy(() -> TestTraining.train(20).withInitArrays(List.of("a.w <- b.w")))
                .hasMessageContaining("init-from is not set");
    }
}
