package dev.grove.loader.config;

import static dev.grove.loader.config.ExperimentFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import dev.grove.loader.config.NetworkTestComponents.DenseParams;
import dev.grove.loader.config.NetworkTestComponents.EarlyStopping;
import dev.grove.loader.config.NetworkTestComponents.GraphParams;
import dev.grove.loader.config.NetworkTestComponents.NetworkParams;
import dev.grove.loader.config.NetworkTestComponents.Node;
import dev.grove.loader.config.NetworkTestComponents.ResidualParams;
import dev.grove.loader.config.NetworkTestComponents.SequentialParams;
import dev.grove.loader.config.NetworkTestComponents.SgdParams;
import dev.grove.loader.config.NetworkTestComponents.TestLayer;
import dev.grove.loader.config.NetworkTestComponents.TestLoss;
import dev.grove.loader.config.NetworkTestComponents.TestOptimizer;
import dev.grove.loader.config.NetworkTestComponents.TrainParams;
import dev.grove.loader.plugins.ComponentCatalog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Component-valued params ({@code @OfKind}), nested records and lists of them: bound recursively
 * with every problem positioned, the list shorthand, and the resolved form that binds back.
 */
class ComponentParamsTest {

    private static final ComponentCatalog CATALOG = NetworkTestComponents.catalog();
    private static final String HEAD = "grove: 1\ndata: {source: csv, path: a.csv}\n";
    private static final TrainParams DEFAULT_TRAIN = new TrainParams(new TestLoss("cross-entropy"),
            new TestOptimizer("sgd", new SgdParams(0.01, 0.0)), 10, null, List.of(), List.of());

    @TempDir
    Path dir;

    private Path file(String body) {
        return ExperimentFiles.writeText(dir, "net.yaml", HEAD + body);
    }

    private static TestLayer dense(int units, String activation) {
        return new TestLayer("dense", new DenseParams(units, activation));
    }

    private static TestLayer relu() {
        return new TestLayer("relu", new NoParams());
    }

    private static NetworkParams network(Experiment e) {
        return (NetworkParams) e.pipeline().get(e.pipeline().size() - 1).params();
    }

    private static ConfigProblem at(Path file, int line, int column, String message) {
        return new ConfigProblem(file.toString(), line, column, message);
    }

    @Test
    void aListGivenForTheOneListOfComponentsIsTheShorthandOfTheFullForm() {
        Experiment shorthand = ExperimentFiles.parse(CATALOG, file(String.join("\n",
                "model:",
                "  sequential:",
                "    - dense: {units: 64, activation: relu}",
                "    - relu",
                "")));
        Experiment full = ExperimentFiles.parse(CATALOG, file(
                "model: {sequential: {layers: [{dense: {units: 64, activation: relu}}, relu]}}\n"));

        TestLayer expected = new TestLayer("sequential", new SequentialParams(List.of(dense(64, "relu"), relu())));
        assertThat(network(shorthand)).isEqualTo(new NetworkParams(expected, DEFAULT_TRAIN));
        assertThat(network(full)).isEqualTo(network(shorthand));
    }

    @Test
    void theResolvedFormNamesEveryComponentWithAllItsParams() {
        Experiment e = ExperimentFiles.parse(CATALOG, file("model: {sequential: [{dense: {units: 8}}, relu]}\n"));

        Map<String, Object> denseParams = new LinkedHashMap<>();
        denseParams.put("units", 8);
        denseParams.put("activation", "linear");
        assertThat(e.resolved().get("model")).isEqualTo(Map.of("sequential",
                Map.of("layers", List.of(Map.of("dense", denseParams), Map.of("relu", Map.of())))));
        Map<String, Object> train = new LinkedHashMap<>();
        train.put("loss", Map.of("cross-entropy", Map.of()));
        train.put("optimizer", Map.of("sgd", Map.of("lr", 0.01, "momentum", 0.0)));
        train.put("epochs", 10);
        train.put("early-stopping", null);
        train.put("freeze", List.of());
        train.put("sizes", List.of());
        assertThat(e.resolved().get("train")).isEqualTo(train);
        // A network without transformers has no pipeline section; the sections follow the data.
        assertThat(e.resolved().keySet()).containsExactly("grove", "name", "seed", "data", "model", "train", "evaluate");
    }

    @Test
    void nestedRecordsTakeTheirOwnDefaultsAndScalarsStandForListsOfOneNameOrCount() {
        Experiment e = ExperimentFiles.parse(CATALOG, file(String.join("\n",
                "model: {dense: {units: 3}}",
                "train:",
                "  optimizer: {sgd: {lr: 0.1}}",
                "  epochs: 15",
                "  early-stopping: {patience: 3}",
                "  freeze: 2",
                "  sizes: 64",
                "")));

        assertThat(network(e).train()).isEqualTo(new TrainParams(new TestLoss("cross-entropy"),
                new TestOptimizer("sgd", new SgdParams(0.1, 0.0)), 15, new EarlyStopping("val/loss", 3), List.of("2"),
                List.of(64)));
    }

    @Test
    void theResolvedParamsBindBackToEqualParamsFromPlainValuesAndFromConfigYaml() {
        Experiment e = ExperimentFiles.parse(CATALOG, file(String.join("\n",
                "model:",
                "  sequential:",
                "    - residual: [dense: {units: 4}, relu]",
                "    - graph: {nodes: [{name: a, layer: relu}, {name: b, layer: {dense: {units: 2}}, inputs: [a]}]}",
                "train: {loss: mse, optimizer: {sgd: {lr: 0.5, momentum: 0.9}}, early-stopping: {}}",
                "")));
        ComponentRef ref = e.pipeline().get(0);

        Record rebound = ParamsBinder.bindMap(CATALOG, ref.component(), ref.resolved(), "model.yaml");
        assertThat(rebound).isEqualTo(ref.params());

        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setDereferenceAliases(true);
        Path config = write(dir, "config.yaml", new Yaml(options).dump(e.resolved()));
        assertThat(ExperimentFiles.parse(CATALOG, config).pipeline().get(0).params()).isEqualTo(ref.params());
        TestLayer graph = new TestLayer("graph", new GraphParams(List.of(new Node("a", relu(), List.of()),
                new Node("b", dense(2, "linear"), List.of("a")))));
        TestLayer residual = new TestLayer("residual", new ResidualParams(List.of(dense(4, "linear"), relu()), true));
        assertThat(((NetworkParams) ref.params()).model())
                .isEqualTo(new TestLayer("sequential", new SequentialParams(List.of(residual, graph))));
        assertThat(((NetworkParams) ref.params()).train().earlyStopping()).isEqualTo(new EarlyStopping("val/loss", 5));
    }

    @Test
    void everyProblemInsideNestedComponentsAndRecordsIsReportedAtOnceWhereItIsWritten() {
        Path f = file(String.join("\n",
                "model:",
                "  sequential:",
                "    - dense: {units: 0}",
                "    - rleu",
                "    - adam",
                "train:",
                "  optimizer: {sgd: {lr: -1}}",
                "  epochz: 3",
                "  early-stopping: {patiense: 3}",
                "  loss: relu",
                ""));

        assertThat(ExperimentFiles.problems(CATALOG, f)).containsExactly(
                at(f, 5, 22, "dense params: units must be >= 1, got 0"),
                at(f, 6, 7, "unknown layer 'rleu'; did you mean 'relu'? known layers: branches, dense, graph, not-a-layer,"
                        + " relu, residual, sequential"),
                at(f, 7, 7, "'adam' is an optimizer; element 3 of layers in sequential params must be a layer component"),
                at(f, 9, 25, "sgd params: lr must be > 0, got -1"),
                at(f, 10, 3, "unknown key 'epochz' in train; did you mean 'epochs'? valid keys: loss, optimizer, epochs,"
                        + " early-stopping, freeze, sizes"),
                at(f, 11, 20, "unknown key 'patiense' in early-stopping in train; did you mean 'patience'?"
                        + " valid keys: monitor, patience"),
                at(f, 12, 9, "'relu' is a layer; loss in train must be a loss component"));
    }

    @Test
    void aProductOfTheWrongTypeIsAPluginMismatchNamingBothTypes() {
        Path f = file("model: not-a-layer\n");

        ConfigProblem problem = ExperimentFiles.problems(CATALOG, f).get(0);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(8);
        assertThat(problem.message()).isEqualTo("a layer 'not-a-layer' cannot be used for model: it makes a java.lang.String,"
                + " not a " + TestLayer.class.getName() + " (its plugin and the one that declares model do not fit together)");
    }

    @Test
    void aListIsNoShorthandForAComponentWithTwoListsAndConstructorFailuresAreReportedAtTheComponent() {
        Path twoLists = file("model: {branches: [relu]}\n");
        assertThat(ExperimentFiles.problems(CATALOG, twoLists)).containsExactly(at(twoLists, 3, 19,
                "the params of branches must be a mapping such as {key: value}, got a list; only a component whose params"
                        + " hold a single list of components takes that list directly"));

        Path empty = file("model: {sequential: []}\n");
        assertThat(ExperimentFiles.problems(CATALOG, empty)).containsExactly(at(empty, 3, 9,
                "invalid sequential params: sequential needs at least one layer"));
    }

    @Test
    void listsOfRecordsBindEachElementWithItsPosition() {
        Path f = file(String.join("\n",
                "model:",
                "  graph:",
                "    nodes:",
                "      - {layer: relu}",
                "      - {name: b, layer: relu, input: a}",
                ""));

        assertThat(ExperimentFiles.problems(CATALOG, f)).containsExactly(
                at(f, 6, 9, "missing required param 'name' in element 1 of nodes in graph params (string: the node's name)"),
                at(f, 7, 32, "unknown key 'input' in element 2 of nodes in graph params; did you mean 'inputs'?"
                        + " valid keys: name, layer, inputs"));
    }

    @Test
    void nullIsAcceptedOnlyWhereTheDefaultIsNull() {
        Path f = file("model: {dense: {units: 1}}\ntrain: {loss: null, early-stopping: null}\n");

        assertThat(ExperimentFiles.problems(CATALOG, f)).containsExactly(
                at(f, 4, 15, "wrong type for loss in train: expected loss component, got null"));
    }

    @Test
    void componentKindsAndNestedFieldsAreDescribed() {
        var network = CATALOG.find(Kind.ESTIMATOR, "network").orElseThrow().component();
        assertThat(ParamsDescriber.describe(network)).containsExactly(
                new ParamsDescriber.ParamInfo("model", "layer component", null, null, "the model"),
                new ParamsDescriber.ParamInfo("train", "mapping", "{}", null, "how it trains"),
                new ParamsDescriber.ParamInfo("train.loss", "loss component", "cross-entropy", null, "objective"),
                new ParamsDescriber.ParamInfo("train.optimizer", "optimizer component", "sgd", null, "optimizer"),
                new ParamsDescriber.ParamInfo("train.epochs", "int", "10", ">= 1", "passes"),
                new ParamsDescriber.ParamInfo("train.early-stopping", "mapping", "null", null, "stop early"),
                new ParamsDescriber.ParamInfo("train.early-stopping.monitor", "string", "val/loss", null, "the figure watched"),
                new ParamsDescriber.ParamInfo("train.early-stopping.patience", "int", "5", ">= 1", "epochs without improvement"),
                new ParamsDescriber.ParamInfo("train.freeze", "list of string", "[]", null, "frozen layers"),
                new ParamsDescriber.ParamInfo("train.sizes", "list of int", "[]", null, "hidden sizes"));
        assertThat(ParamsDescriber.yamlSnippet(network)).isEqualTo("model: <layer component>\ntrain: {}\n");

        var graph = CATALOG.find(Kind.LAYER, "graph").orElseThrow().component();
        assertThat(ParamsDescriber.describe(graph)).extracting(ParamsDescriber.ParamInfo::key, ParamsDescriber.ParamInfo::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nodes", "list of mappings"),
                        org.assertj.core.groups.Tuple.tuple("nodes[].name", "string"),
                        org.assertj.core.groups.Tuple.tuple("nodes[].layer", "layer component"),
                        org.assertj.core.groups.Tuple.tuple("nodes[].inputs", "list of string"));
        var sequential = CATALOG.find(Kind.LAYER, "sequential").orElseThrow().component();
        assertThat(ParamsDescriber.yamlSnippet(sequential)).isEqualTo("- sequential: {layers: <list of layer components>}\n");
    }
}
