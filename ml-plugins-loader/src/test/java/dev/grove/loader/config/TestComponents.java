package dev.grove.loader.config;

import dev.grove.api.metric.Metric;
import dev.grove.api.metric.MetricInput;
import dev.grove.api.metric.MetricValue;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Model;
import dev.grove.api.model.Transformer;
import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.NoParams;
import dev.grove.api.spi.Registry;
import dev.grove.loader.plugins.ComponentCatalog;
import java.util.List;

/** A hand-built catalog of test components (no family module involved) and their params records. */
final class TestComponents {

    private TestComponents() {
    }

    /** Params of the test estimator {@code logistic-regression}; rejects c other than 1 with penalty none. */
    public record LogisticParams(
            @Doc("Inverse regularisation strength") @Default("1.0") @Min(value = 0, exclusive = true) double c,
            @Doc("Maximum number of iterations") @Default("100") @Min(1) int maxIter,
            @Doc("Regularisation") @Default("l2") @OneOf({"l2", "none"}) String penalty,
            @Doc("Gradient tolerance") @Default("0.0001") @Min(value = 0, exclusive = true) @Max(1) double tol) {

        /** Validates like a real params record. */
        public LogisticParams {
            Params.atLeast("c", c, 0, true);
            Params.atLeast("max-iter", maxIter, 1, false);
            Params.oneOf("penalty", penalty, "l2", "none");
            Params.atLeast("tol", tol, 0, true);
            Params.atMost("tol", tol, 1, false);
            if (penalty.equals("none") && c != 1.0) {
                throw new IllegalArgumentException("c has no effect with penalty none; remove c or use penalty l2");
            }
        }

        /** c 1, max-iter 100, penalty l2, tol 1e-4. */
        public static LogisticParams defaults() {
            return new LogisticParams(1.0, 100, "l2", 1e-4);
        }
    }

    /** Params of the test transformer {@code standard-scaler}. */
    public record ScalerParams(
            @Doc("Subtract the mean") @Default("true") boolean withMean,
            @Doc("Divide by the standard deviation") @Default("true") boolean withStd) {

        /** Both on. */
        public static ScalerParams defaults() {
            return new ScalerParams(true, true);
        }
    }

    /** Params of the test transformer {@code pca}: {@code components} is required. */
    public record PcaParams(
            @Doc("number of components") @Min(1) int components,
            @Doc("scale components to unit variance") @Default("false") boolean whiten) {
    }

    /** Params of the test data source {@code csv}: {@code path} is required. */
    public record CsvParams(
            @Doc("the CSV file") String path,
            @Doc("the target column") @Default("null") String target,
            @Doc("feature columns") @Default("[]") List<String> features,
            @Doc("field separator") @Default("\",\"") String delimiter) {
    }

    /** Params of the test estimator {@code mlp}, covering every supported param type. */
    public record MlpParams(
            @Doc("hidden layer sizes") @Default("[64, 32]") @Min(1) List<Integer> hiddenSizes,
            @Doc("dropout per layer") @Default("[0.5]") List<Double> dropouts,
            @Doc("activations") @Default("[relu]") @OneOf({"relu", "tanh"}) List<String> activations,
            @Doc("strides") @Default("[1, 2]") int[] strides,
            @Doc("weights") @Default("[0.1, 0.2]") double[] weights,
            @Doc("seed") @Default("7") long seed,
            @Doc("learning rate") @Default("0.01") float lr,
            @Doc("depth limit, null for none") @Default("null") Integer maxDepth,
            @Doc("log progress") @Default("false") Boolean verbose) {
    }

    /** Params whose default is not valid YAML for its type: a plugin bug the parser must report, not crash on. */
    public record BrokenParams(@Doc("alpha") @Default("abc") double alpha) {
    }

    /** The catalog: estimators logistic-regression, mlp, ridge, broken-defaults; transformers standard-scaler, pca;
     *  metrics accuracy, f1-macro, confusion-matrix; data source csv. */
    static ComponentCatalog catalog() {
        // Real plugins export their params packages (DESIGN §1) so Params.validate in dev.grove.api can read
        // the records. These test records live in the loader's own, unexported package: export it the same way.
        // Only code inside a module may do this, and in class-path runs it is a no-op.
        TestComponents.class.getModule().addExports(TestComponents.class.getPackageName(), Params.class.getModule());
        ComponentCatalog catalog = new ComponentCatalog();
        Registry r = catalog.registryFor("test-plugin");
        r.register(Component.estimator("logistic-regression", LogisticParams.class, p -> dummy(),
                (p, schema, state) -> null, "test logistic regression"));
        r.register(Component.estimator("mlp", MlpParams.class, p -> dummy(), (p, schema, state) -> null, "test mlp"));
        r.register(Component.estimator("ridge", NoParams.class, p -> dummy(), (p, schema, state) -> null, "test ridge"));
        r.register(Component.estimator("broken-defaults", BrokenParams.class, p -> dummy(), (p, schema, state) -> null,
                "an estimator with a bad default"));
        r.register(Component.transformer("standard-scaler", ScalerParams.class, p -> dummyTransformer(),
                (p, schema, state) -> null, "test scaler"));
        r.register(Component.transformer("pca", PcaParams.class, p -> dummyTransformer(), (p, schema, state) -> null,
                "test pca"));
        for (String metric : List.of("accuracy", "f1-macro", "confusion-matrix")) {
            r.register(Component.metric(metric, new NoMetric(), "test metric " + metric));
        }
        r.register(Component.dataSource("csv", CsvParams.class, p -> context -> null, "test csv source"));
        return catalog;
    }

    private static Estimator<Model> dummy() {
        return (data, context) -> null;
    }

    private static Estimator<Transformer> dummyTransformer() {
        return (data, context) -> null;
    }

    /** A metric that is never computed in these tests. */
    private static final class NoMetric implements Metric {
        @Override
        public boolean appliesTo(MetricInput input) {
            return false;
        }

        @Override
        public MetricValue compute(MetricInput input) {
            return null;
        }
    }
}
