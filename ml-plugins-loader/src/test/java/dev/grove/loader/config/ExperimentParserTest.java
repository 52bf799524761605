package dev.grove.loader.config;

import static dev.grove.loader.config.ExperimentFiles.parse;
import static dev.grove.loader.config.ExperimentFiles.problems;
import static dev.grove.loader.config.ExperimentFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.spi.Kind;
import dev.grove.loader.config.Experiment.CvConfig;
import dev.grove.loader.config.Experiment.EvaluateConfig;
import dev.grove.loader.config.Experiment.SplitConfig;
import dev.grove.loader.config.TestComponents.CsvParams;
import dev.grove.loader.config.TestComponents.LogisticParams;
import dev.grove.loader.config.TestComponents.ScalerParams;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** A valid file becomes the expected Experiment; a file with several problems reports them all at once. */
class ExperimentParserTest {

    @TempDir
    Path dir;

    @Test
    void validFileParsesWithDefaultsFilledInFileOrder() {
        Path file = write(dir, "iris.yaml", ExperimentFiles.IRIS);

        Experiment e = parse(file);

        assertThat(e.file()).isEqualTo(file);
        assertThat(e.name()).isEqualTo("iris-logistic");
        assertThat(e.seed()).isEqualTo(42L);
        assertThat(e.data().source().component().kind()).isEqualTo(Kind.DATA_SOURCE);
        assertThat(e.data().source().params()).isEqualTo(new CsvParams("datasets/iris.csv", "species", List.of(), ","));
        assertThat(e.data().split()).isEqualTo(new SplitConfig(0.2, 0.1, true, true));
        assertThat(e.pipeline()).extracting(ComponentRef::name).containsExactly("standard-scaler", "logistic-regression");
        assertThat(e.pipeline().get(0).params()).isEqualTo(new ScalerParams(true, true));
        assertThat(e.pipeline().get(1).params()).isEqualTo(new LogisticParams(0.5, 200, "l2", 0.0001));
        // Given keys first in file order (max-iter was written before c), then the defaults in record order.
        assertThat(e.pipeline().get(1).resolved()).containsExactly(Map.entry("max-iter", 200), Map.entry("c", 0.5),
                Map.entry("penalty", "l2"), Map.entry("tol", 0.0001));
        assertThat(e.evaluate().cv()).isEqualTo(new CvConfig(5, true, true));
        assertThat(e.evaluate().metrics()).extracting(ComponentRef::name).containsExactly("accuracy", "f1-macro", "confusion-matrix");
    }

    @Test
    void resolvedConfigurationHoldsEveryValueInOrder() {
        Experiment e = parse(write(dir, "iris.yaml", ExperimentFiles.IRIS));

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", "csv");
        data.put("path", "datasets/iris.csv");
        data.put("target", "species");
        data.put("features", List.of());
        data.put("delimiter", ",");
        data.put("split", ordered("test", 0.2, "val", 0.1, "stratify", true, "shuffle", true));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("grove", 1);
        expected.put("name", "iris-logistic");
        expected.put("seed", 42L);
        expected.put("data", data);
        expected.put("pipeline", List.of(
                Map.of("standard-scaler", ordered("with-mean", true, "with-std", true)),
                Map.of("logistic-regression", ordered("max-iter", 200, "c", 0.5, "penalty", "l2", "tol", 0.0001))));
        expected.put("evaluate", ordered("cv", ordered("folds", 5, "stratify", true, "shuffle", true),
                "metrics", List.of("accuracy", "f1-macro", "confusion-matrix")));

        assertThat(e.resolved()).isEqualTo(expected);
        assertThat(e.resolved().keySet()).containsExactly("grove", "name", "seed", "data", "pipeline", "evaluate");
        assertThat(List.copyOf(((Map<?, ?>) e.resolved().get("data")).keySet()))
                .isEqualTo(List.of("source", "path", "target", "features", "delimiter", "split"));
    }

    @Test
    void resolvedConfigurationWrittenAsYamlParsesBackToItself() {
        Experiment e = parse(write(dir, "iris.yaml", ExperimentFiles.IRIS), "pipeline[0].with-mean=false");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String yaml = new Yaml(options).dump(e.resolved());

        Experiment again = parse(ExperimentFiles.writeText(dir, "config.yaml", yaml));

        assertThat(yaml).doesNotContain("!!");
        assertThat(again.resolved()).isEqualTo(e.resolved());
        assertThat(again.pipeline().get(0).params()).isEqualTo(new ScalerParams(false, true));
    }

    @Test
    void unknownKeyMisspeltComponentAndWrongTypeAreAllReportedWithPositions() {
        Path file = write(dir, "bad.yaml",
                "grove: 1",
                "seeds: 42",
                "data:",
                "  source: csv",
                "  path: iris.csv",
                "pipeline:",
                "  - standrd-scaler",
                "  - logistic-regression: {c: abc, max-iter: 10}");

        List<ConfigProblem> problems = problems(file);

        String f = file.toString();
        assertThat(problems).containsExactly(
                new ConfigProblem(f, 2, 1, "unknown key 'seeds' at the top level; did you mean 'seed'?"
                        + " valid keys: grove, name, seed, data, pipeline, model, train, evaluate"),
                new ConfigProblem(f, 7, 5, "unknown transformer 'standrd-scaler'; did you mean 'standard-scaler'?"
                        + " known transformers: pca, standard-scaler"),
                new ConfigProblem(f, 8, 30, "wrong type for c in logistic-regression params: expected number, got string 'abc'"));
        assertThat(problems.get(0).toString()).isEqualTo(f + ":2:1: " + problems.get(0).message());
    }

    @Test
    void unknownParamNamesTheNearestKeyAndAllValidOnes() {
        Path file = write(dir, "p.yaml",
                "grove: 1",
                "data: {source: csv, path: iris.csv}",
                "pipeline:",
                "  - logistic-regression: {max-iters: 10}");

        assertThat(problems(file)).containsExactly(new ConfigProblem(file.toString(), 4, 27,
                "unknown key 'max-iters' in logistic-regression params; did you mean 'max-iter'?"
                        + " valid keys: c, max-iter, penalty, tol"));
    }

    @Test
    void optionalKeysTakeTheirDefaults() {
        Path file = write(dir, "my-exp.yaml",
                "grove: 1",
                "data: {source: csv, path: a.csv}",
                "pipeline: [ridge]");

        Experiment e = parse(file);

        assertThat(e.name()).isEqualTo("my-exp");
        assertThat(e.seed()).isZero();
        assertThat(e.data().split()).isNull();
        assertThat(e.evaluate()).isEqualTo(new EvaluateConfig(null, List.of()));
        assertThat(e.pipeline().get(0).resolved()).isEmpty();
        assertThat(e.resolved().get("pipeline")).isEqualTo(List.of("ridge"));
        assertThat(e.resolved().get("evaluate")).isEqualTo(Map.of("metrics", List.of()));
    }

    @Test
    void splitAndCvFillTheirOwnDefaults() {
        Path file = write(dir, "s.yaml",
                "grove: 1",
                "data: {source: csv, path: a.csv, split: {val: 0.1}}",
                "pipeline: [ridge]",
                "evaluate: {cv: {}}");

        Experiment e = parse(file);

        assertThat(e.data().split()).isEqualTo(new SplitConfig(0.2, 0.1, null, true));
        assertThat(e.evaluate().cv()).isEqualTo(new CvConfig(5, null, true));
        assertThat(((Map<?, ?>) e.resolved().get("data")).get("split")).isEqualTo(ordered("test", 0.2, "val", 0.1, "shuffle", true));
    }

    @Test
    void integersAreAcceptedForNumbersAndRowCountsForShares() {
        Path file = write(dir, "n.yaml",
                "grove: 1",
                "data: {source: csv, path: a.csv, split: {test: 30, val: 0}}",
                "pipeline:",
                "  - logistic-regression: {c: 2, tol: 1e-3}");

        Experiment e = parse(file);

        assertThat(e.pipeline().get(0).params()).isEqualTo(new LogisticParams(2.0, 100, "l2", 0.001));
        assertThat(e.data().split()).isEqualTo(new SplitConfig(30, 0, null, true));
    }

    @Test
    void quotedScalarsAreStringsAndYamlOneOneWordsAreNotBooleans() {
        Path file = write(dir, "q.yaml",
                "grove: 1",
                "data: {source: csv, path: '123', target: no}",
                "pipeline: [ridge]");

        CsvParams params = (CsvParams) parse(file).data().source().params();

        assertThat(params.path()).isEqualTo("123");
        assertThat(params.target()).isEqualTo("no");
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
