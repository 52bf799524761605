package dev.grove.loader.config;

import dev.grove.api.model.Estimator;
import dev.grove.api.model.Model;
import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OfKind;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import dev.grove.api.spi.Registry;
import dev.grove.loader.plugins.ComponentCatalog;
import java.util.List;
import java.util.Objects;

/**
 * Test components shaped like the neural family's (which is written in parallel and not a test
 * dependency): layers, blocks, a graph of nodes, optimizers, losses, train params with a nested
 * early-stopping record, and the {@code network} estimator whose params are the model: and train:
 * sections. Each factory returns a record holding what it was given, so tests can see the tree.
 */
final class NetworkTestComponents {

    private NetworkTestComponents() {
    }

    /** What a LAYER factory makes: its kind and bound params. */
    public record TestLayer(String kind, Record params) {
    }

    /** What an OPTIMIZER factory makes. */
    public record TestOptimizer(String kind, Record params) {
    }

    /** What a LOSS factory makes. */
    public record TestLoss(String kind) {
    }

    /** Params of {@code dense}: {@code units} is required. */
    public record DenseParams(
            @Doc("output size") @Min(1) int units,
            @Doc("activation") @Default("linear") @OneOf({"linear", "relu"}) String activation) {
    }

    /** Params of {@code sequential}: the one list of layers, so {@code sequential: [..]} works. */
    public record SequentialParams(@Doc("the layers in order") @OfKind(Kind.LAYER) List<TestLayer> layers) {

        /** Refuses an empty model, as the real one does. */
        public SequentialParams {
            if (layers.isEmpty()) {
                throw new IllegalArgumentException("sequential needs at least one layer");
            }
        }
    }

    /** Params of {@code residual}: one list of layers besides a plain option, so the shorthand still applies. */
    public record ResidualParams(
            @Doc("the layers of the block") @OfKind(Kind.LAYER) List<TestLayer> layers,
            @Doc("project the skip path when shapes differ") @Default("true") boolean project) {
    }

    /** Params of {@code branches}: two lists of layers, so no shorthand. */
    public record BranchParams(
            @Doc("left branch") @OfKind(Kind.LAYER) List<TestLayer> left,
            @Doc("right branch") @OfKind(Kind.LAYER) List<TestLayer> right) {
    }

    /** One node of a {@code graph}. */
    public record Node(
            @Doc("the node's name") String name,
            @Doc("its layer") @OfKind(Kind.LAYER) TestLayer layer,
            @Doc("names of the nodes it reads") @Default("[]") List<String> inputs) {
    }

    /** Params of {@code graph}: a list of node records. */
    public record GraphParams(@Doc("the nodes") List<Node> nodes) {
    }

    /** Params of {@code sgd}. */
    public record SgdParams(
            @Doc("learning rate") @Default("0.01") @Min(value = 0, exclusive = true) double lr,
            @Doc("momentum") @Default("0.0") @Min(0) double momentum) {
    }

    /** Params of {@code early-stopping} inside train. */
    public record EarlyStopping(
            @Doc("the figure watched") @Default("val/loss") String monitor,
            @Doc("epochs without improvement") @Default("5") @Min(1) int patience) {
    }

    /** The train: section. */
    public record TrainParams(
            @Doc("objective") @Default("cross-entropy") @OfKind(Kind.LOSS) TestLoss loss,
            @Doc("optimizer") @Default("sgd") @OfKind(Kind.OPTIMIZER) TestOptimizer optimizer,
            @Doc("passes") @Default("10") @Min(1) int epochs,
            @Doc("stop early") @Default("null") EarlyStopping earlyStopping,
            @Doc("frozen layers") @Default("[]") List<String> freeze,
            @Doc("hidden sizes") @Default("[]") List<Integer> sizes) {

        /** Validates like the real one: a loss and optimizer are required. */
        public TrainParams {
            Objects.requireNonNull(loss, "loss");
            Objects.requireNonNull(optimizer, "optimizer");
            Params.atLeast("epochs", epochs, 1, false);
        }
    }

    /** Params of the {@code network} estimator: the model: and train: sections. */
    public record NetworkParams(
            @Doc("the model") @OfKind(Kind.LAYER) TestLayer model,
            @Doc("how it trains") @Default("{}") TrainParams train) {
    }

    /**
     * {@link TestComponents#catalog()} plus the layers dense, relu, sequential, residual, branches,
     * graph and not-a-layer (whose factory makes a string), the optimizers sgd and adam, the losses
     * mse and cross-entropy, and the network estimator.
     */
    static ComponentCatalog catalog() {
        ComponentCatalog catalog = TestComponents.catalog();
        Registry r = catalog.registryFor("test-network");
        r.register(Component.of(Kind.LAYER, "dense", DenseParams.class, p -> new TestLayer("dense", p), "dense"));
        r.register(Component.of(Kind.LAYER, "relu", NoParams.class, p -> new TestLayer("relu", p), "relu"));
        r.register(Component.of(Kind.LAYER, "sequential", SequentialParams.class, p -> new TestLayer("sequential", p), "seq"));
        r.register(Component.of(Kind.LAYER, "residual", ResidualParams.class, p -> new TestLayer("residual", p), "res"));
        r.register(Component.of(Kind.LAYER, "branches", BranchParams.class, p -> new TestLayer("branches", p), "two"));
        r.register(Component.of(Kind.LAYER, "graph", GraphParams.class, p -> new TestLayer("graph", p), "graph"));
        r.register(Component.of(Kind.LAYER, "not-a-layer", NoParams.class, p -> "a string", "a plugin bug"));
        r.register(Component.of(Kind.OPTIMIZER, "sgd", SgdParams.class, p -> new TestOptimizer("sgd", p), "sgd"));
        r.register(Component.of(Kind.OPTIMIZER, "adam", NoParams.class, p -> new TestOptimizer("adam", p), "adam"));
        r.register(Component.of(Kind.LOSS, "mse", NoParams.class, p -> new TestLoss("mse"), "mse"));
        r.register(Component.of(Kind.LOSS, "cross-entropy", NoParams.class, p -> new TestLoss("cross-entropy"), "ce"));
        r.register(Component.estimator(ExperimentBuilder.NETWORK, NetworkParams.class, p -> network(),
                (p, schema, state) -> null, "a network"));
        return catalog;
    }

    private static Estimator<Model> network() {
        return (data, context) -> null;
    }
}
