package dev.grove.loader.config;

import static dev.grove.loader.config.ExperimentFiles.parse;
import static dev.grove.loader.config.ExperimentFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.loader.config.ParamsDescriber.ParamInfo;
import dev.grove.loader.config.TestComponents.LogisticParams;
import dev.grove.loader.plugins.ComponentCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code grove describe} shows, read from the test params records' annotations. */
class ParamsDescriberTest {

    private final ComponentCatalog catalog = TestComponents.catalog();

    private Component<?> component(Kind kind, String name) {
        return catalog.find(kind, name).orElseThrow().component();
    }

    @Test
    void everyParamWithTypeDefaultConstraintAndDoc() {
        assertThat(ParamsDescriber.describe(component(Kind.ESTIMATOR, "logistic-regression"))).containsExactly(
                new ParamInfo("c", "number", "1.0", "> 0", "Inverse regularisation strength"),
                new ParamInfo("max-iter", "int", "100", ">= 1", "Maximum number of iterations"),
                new ParamInfo("penalty", "string", "l2", "one of: l2, none", "Regularisation"),
                new ParamInfo("tol", "number", "0.0001", "> 0, <= 1", "Gradient tolerance"));
    }

    @Test
    void requiredParamsHaveNoDefaultAndListConstraintsApplyToEachElement() {
        assertThat(ParamsDescriber.describe(component(Kind.TRANSFORMER, "pca"))).containsExactly(
                new ParamInfo("components", "int", null, ">= 1", "number of components"),
                new ParamInfo("whiten", "boolean", "false", null, "scale components to unit variance"));
        assertThat(ParamsDescriber.describe(component(Kind.ESTIMATOR, "mlp")))
                .extracting(ParamInfo::key, ParamInfo::type, ParamInfo::constraint)
                .startsWith(
                        org.assertj.core.groups.Tuple.tuple("hidden-sizes", "list of int", "each >= 1"),
                        org.assertj.core.groups.Tuple.tuple("dropouts", "list of number", null),
                        org.assertj.core.groups.Tuple.tuple("activations", "list of string", "each one of: relu, tanh"),
                        org.assertj.core.groups.Tuple.tuple("strides", "list of int", null),
                        org.assertj.core.groups.Tuple.tuple("weights", "list of number", null),
                        org.assertj.core.groups.Tuple.tuple("seed", "int", null),
                        org.assertj.core.groups.Tuple.tuple("lr", "number", null));
    }

    @Test
    void snippetsForEachKind() {
        assertThat(ParamsDescriber.yamlSnippet(component(Kind.ESTIMATOR, "logistic-regression")))
                .isEqualTo("- logistic-regression: {c: 1.0, max-iter: 100, penalty: l2, tol: 0.0001}\n");
        assertThat(ParamsDescriber.yamlSnippet(component(Kind.TRANSFORMER, "pca")))
                .isEqualTo("- pca: {components: <int>, whiten: false}\n");
        assertThat(ParamsDescriber.yamlSnippet(component(Kind.METRIC, "accuracy"))).isEqualTo("- accuracy\n");
        assertThat(ParamsDescriber.yamlSnippet(component(Kind.DATA_SOURCE, "csv"))).isEqualTo(String.join("\n",
                "data:", "  source: csv", "  path: <string>", "  target: null", "  features: []", "  delimiter: \",\"", ""));
    }

    @Test
    void pastedSnippetParsesToTheDefaults(@TempDir Path dir) {
        String step = ParamsDescriber.yamlSnippet(component(Kind.ESTIMATOR, "logistic-regression"));
        Path file = write(dir, "pasted.yaml", "grove: 1", "data: {source: csv, path: a.csv}", "pipeline:", "  " + step);

        assertThat(parse(file).pipeline().get(0).params()).isEqualTo(LogisticParams.defaults());
    }
}
