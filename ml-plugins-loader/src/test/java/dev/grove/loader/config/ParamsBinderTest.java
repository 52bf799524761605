package dev.grove.loader.config;

import static dev.grove.loader.config.ExperimentFiles.parse;
import static dev.grove.loader.config.ExperimentFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.loader.config.TestComponents.LogisticParams;
import dev.grove.loader.config.TestComponents.MlpParams;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding every supported param type, from YAML and from plain values. */
class ParamsBinderTest {

    private static Component<?> component(Kind kind, String name) {
        return TestComponents.catalog().find(kind, name).orElseThrow().component();
    }

    @Test
    void defaultsOfEveryTypeAreConvertedFromTheirYamlText(@TempDir Path dir) {
        Path file = write(dir, "mlp.yaml", "grove: 1", "data: {source: csv, path: a.csv}", "pipeline: [mlp]");

        ComponentRef ref = parse(file).pipeline().get(0);
        MlpParams p = (MlpParams) ref.params();

        assertThat(p.hiddenSizes()).containsExactly(64, 32);
        assertThat(p.dropouts()).containsExactly(0.5);
        assertThat(p.activations()).containsExactly("relu");
        assertThat(p.strides()).containsExactly(1, 2);
        assertThat(p.weights()).containsExactly(0.1, 0.2);
        assertThat(p.seed()).isEqualTo(7L);
        assertThat(p.lr()).isEqualTo(0.01f);
        assertThat(p.maxDepth()).isNull();
        assertThat(p.verbose()).isFalse();
        // Arrays appear as lists in the resolved params; null stays null.
        assertThat(ref.resolved().get("strides")).isEqualTo(List.of(1, 2));
        assertThat(ref.resolved()).containsEntry("max-depth", null);
    }

    @Test
    void givenValuesOfEveryType(@TempDir Path dir) {
        Path file = write(dir, "mlp.yaml", "grove: 1", "data: {source: csv, path: a.csv}", "pipeline:",
                "  - mlp: {hidden-sizes: [128], strides: [], weights: [1, 2.5], seed: 12345678901, lr: 1, max-depth: 4,"
                        + " verbose: true, activations: [tanh, relu]}");

        MlpParams p = (MlpParams) parse(file).pipeline().get(0).params();

        assertThat(p.hiddenSizes()).containsExactly(128);
        assertThat(p.strides()).isEmpty();
        assertThat(p.weights()).containsExactly(1.0, 2.5);
        assertThat(p.seed()).isEqualTo(12_345_678_901L);
        assertThat(p.lr()).isEqualTo(1.0f);
        assertThat(p.maxDepth()).isEqualTo(4);
        assertThat(p.verbose()).isTrue();
        assertThat(p.activations()).containsExactly("tanh", "relu");
    }

    @Test
    void numbersForTextParamsAreKeptAsWritten(@TempDir Path dir) {
        Path file = write(dir, "n.yaml", "grove: 1", "data: {source: csv, path: 2024, target: 1.50, delimiter: 1e-3}",
                "pipeline: [mlp]");

        Map<String, Object> resolved = parse(file).data().source().resolved();

        // The text as written, not a re-formatted number: 1.50 stays 1.50, so "1.0" and "1" stay distinct.
        assertThat(resolved).containsEntry("path", "2024").containsEntry("target", "1.50").containsEntry("delimiter", "1e-3");
    }

    @Test
    void intRangeIsChecked(@TempDir Path dir) {
        Path file = write(dir, "r.yaml", "grove: 1", "data: {source: csv, path: a.csv}", "pipeline:",
                "  - logistic-regression: {max-iter: 3000000000}");

        assertThatThrownBy(() -> parse(file)).isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("wrong type for max-iter in logistic-regression params: expected int within ±2^31,"
                        + " got int 3000000000");
    }

    @Test
    void bindMapTakesPlainValuesAsReadBackFromASavedModel() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("c", 2);
        values.put("max-iter", 50);
        values.put("tol", 1e-6);

        Record params = ParamsBinder.bindMap(TestComponents.catalog(), component(Kind.ESTIMATOR, "logistic-regression"), values,
                "model.yaml");

        assertThat(params).isEqualTo(new LogisticParams(2.0, 50, "l2", 1e-6));
    }

    @Test
    void bindMapReportsEveryProblemWithTheGivenSource() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("c", "big");
        values.put("maxIter", 5);

        assertThatThrownBy(() -> ParamsBinder.bindMap(TestComponents.catalog(), component(Kind.ESTIMATOR, "logistic-regression"), values,
                "model.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        new ConfigProblem("model.yaml", 0, 0,
                                "wrong type for c in logistic-regression params: expected number, got string 'big'"),
                        new ConfigProblem("model.yaml", 0, 0, "unknown key 'maxIter' in logistic-regression params;"
                                + " did you mean 'max-iter'? valid keys: c, max-iter, penalty, tol")));
    }
}
