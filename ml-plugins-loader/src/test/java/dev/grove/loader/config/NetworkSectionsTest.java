package dev.grove.loader.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.loader.config.NetworkTestComponents.DenseParams;
import dev.grove.loader.config.NetworkTestComponents.NetworkParams;
import dev.grove.loader.config.NetworkTestComponents.SequentialParams;
import dev.grove.loader.config.NetworkTestComponents.SgdParams;
import dev.grove.loader.config.NetworkTestComponents.TestOptimizer;
import dev.grove.loader.config.NetworkTestComponents.TrainParams;
import dev.grove.loader.plugins.ComponentCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model: and train: sections: they make the run's estimator the network with those sections
 * as its params, after the pipeline's transformers; the rules around them; overrides and sweeps
 * reaching into them.
 */
class NetworkSectionsTest {

    private static final ComponentCatalog CATALOG = NetworkTestComponents.catalog();
    private static final String HEAD = "grove: 1\ndata: {source: csv, path: a.csv}\n";

    @TempDir
    Path dir;

    private Path file(String body) {
        return ExperimentFiles.writeText(dir, "net.yaml", HEAD + body);
    }

    private static ConfigProblem at(Path file, int line, int column, String message) {
        return new ConfigProblem(file.toString(), line, column, message);
    }

    private static TrainParams train(Experiment e) {
        return ((NetworkParams) e.pipeline().get(e.pipeline().size() - 1).params()).train();
    }

    @Test
    void theNetworkRunsAfterThePipelinesTransformers() {
        Experiment e = ExperimentFiles.parse(CATALOG, file("pipeline: [standard-scaler]\nmodel: {dense: {units: 3}}\n"));

        assertThat(e.pipeline()).extracting(ComponentRef::name).containsExactly("standard-scaler", "network");
        assertThat(e.resolved().get("pipeline")).isEqualTo(List.of(Map.of("standard-scaler",
                Map.of("with-mean", true, "with-std", true))));
        assertThat(e.resolved().keySet()).containsSubsequence("data", "pipeline", "model", "train", "evaluate");
    }

    @Test
    void withAModelThePipelineHoldsOnlyTransformers() {
        Path f = file("pipeline: [standard-scaler, logistic-regression]\nmodel: {dense: {units: 3}}\n");

        assertThat(ExperimentFiles.problems(CATALOG, f)).containsExactly(at(f, 3, 29, "'logistic-regression' is an estimator;"
                + " with a model: section the pipeline lists only the transformers that run before the network"));
    }

    @Test
    void trainWithoutModelIsAnError() {
        Path f = file("pipeline: [logistic-regression]\ntrain: {epochs: 3}\n");

        assertThat(ExperimentFiles.problems(CATALOG, f)).containsExactly(at(f, 4, 1, "train: configures how a network trains"
                + " and needs a model: section, e.g. model: {sequential: [dense, relu]}; a pipeline's estimator takes its"
                + " params in the pipeline"));
    }

    @Test
    void aModelWithoutTheNeuralPluginSaysSo() {
        Path f = file("model: {dense: {units: 3}}\n");

        List<ConfigProblem> problems = ExperimentFiles.problems(TestComponents.catalog(), f);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(3);
        assertThat(problems.get(0).message()).contains("neural plugin").contains("'network' estimator").contains("--plugins");
    }

    @Test
    void overridesReachComponentParamsThroughTheComponentsName() {
        Path byName = file("model: {sequential: [dense: {units: 8}, relu]}\ntrain: {optimizer: sgd}\n");
        Experiment e = ExperimentFiles.parse(CATALOG, byName, "train.optimizer.sgd.lr=0.5", "train.epochs=3",
                "model.sequential[0].units=16");

        assertThat(train(e).optimizer()).isEqualTo(new TestOptimizer("sgd", new SgdParams(0.5, 0.0)));
        assertThat(train(e).epochs()).isEqualTo(3);
        SequentialParams layers = (SequentialParams) ((NetworkParams) e.pipeline().get(0).params()).model().params();
        assertThat(layers.layers().get(0).params()).isEqualTo(new DenseParams(16, "linear"));

        Path absent = file("model: {dense: {units: 8}}\n");
        assertThat(train(ExperimentFiles.parse(CATALOG, absent, "train.optimizer.sgd.momentum=0.9")).optimizer())
                .isEqualTo(new TestOptimizer("sgd", new SgdParams(0.01, 0.9)));
        assertThat(train(ExperimentFiles.parse(CATALOG, absent, "train.optimizer=adam")).optimizer().kind()).isEqualTo("adam");
    }

    @Test
    void aSweepOverANestedParamGivesOneExperimentPerValue() {
        Path f = file("model: {dense: {units: 8}}\ntrain: {optimizer: {sgd: {lr: 0.1}}}\n");

        List<Double> rates = SweepExpander.expand(List.of("train.optimizer.sgd.lr=0.001,0.01")).stream()
                .map(overrides -> ExperimentFiles.parse(CATALOG, f, overrides.toArray(String[]::new)))
                .map(e -> ((SgdParams) train(e).optimizer().params()).lr())
                .toList();

        assertThat(rates).containsExactly(0.001, 0.01);
    }

    @Test
    void overrideProblemsInsideTheSectionsNameTheOverride() {
        Path f = file("model: {dense: {units: 8}}\n");

        assertThat(ExperimentFiles.problems(CATALOG, f, "train.optimizer.sgd.lr=fast")).containsExactly(
                new ConfigProblem("override 'train.optimizer.sgd.lr=fast'", 0, 0,
                        "wrong type for lr in sgd params: expected number, got string 'fast'"));
    }
}
