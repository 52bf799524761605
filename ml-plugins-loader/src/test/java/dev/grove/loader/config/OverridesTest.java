package dev.grove.loader.config;

import static dev.grove.loader.config.ExperimentFiles.parse;
import static dev.grove.loader.config.ExperimentFiles.problems;
import static dev.grove.loader.config.ExperimentFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.loader.config.Experiment.CvConfig;
import dev.grove.loader.config.Experiment.SplitConfig;
import dev.grove.loader.config.TestComponents.CsvParams;
import dev.grove.loader.config.TestComponents.LogisticParams;
import dev.grove.loader.config.TestComponents.ScalerParams;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line overrides: every path form, values typed like file values, bad ones reported with the override as source. */
class OverridesTest {

    @TempDir
    Path dir;

    private Path iris;

    @BeforeEach
    void writeIris() {
        iris = write(dir, "iris.yaml", ExperimentFiles.IRIS);
    }

    private static ConfigProblem override(String override, String message) {
        return new ConfigProblem("override '" + override + "'", 0, 0, message);
    }

    @Test
    void topLevelAndNestedSectionValues() {
        Experiment e = parse(iris, "seed=7", "name=other", "evaluate.cv.folds=3", "data.split.test=0.3");

        assertThat(e.seed()).isEqualTo(7L);
        assertThat(e.name()).isEqualTo("other");
        assertThat(e.evaluate().cv()).isEqualTo(new CvConfig(3, true, true));
        assertThat(e.data().split()).isEqualTo(new SplitConfig(0.3, 0.1, true, true));
        assertThat(e.resolved().get("seed")).isEqualTo(7L);
    }

    @Test
    void paramOfAPipelineStepByIndexWithOrWithoutItsName() {
        assertThat(parse(iris, "pipeline[1].c=0.1").pipeline().get(1).params())
                .isEqualTo(new LogisticParams(0.1, 200, "l2", 0.0001));
        assertThat(parse(iris, "pipeline[1].logistic-regression.tol=0.01").pipeline().get(1).params())
                .isEqualTo(new LogisticParams(0.5, 200, "l2", 0.01));
    }

    @Test
    void paramOfABareNameStepTurnsItIntoAMapping() {
        Experiment e = parse(iris, "pipeline[0].with-mean=false");

        assertThat(e.pipeline().get(0).params()).isEqualTo(new ScalerParams(false, true));
        assertThat(e.pipeline().get(0).resolved()).containsExactly(Map.entry("with-mean", false), Map.entry("with-std", true));
    }

    @Test
    void wholeEntriesAndListValuesCanBeReplaced() {
        Experiment e = parse(iris, "pipeline[1]=ridge", "data.features=[sepal_length, petal_width]", "evaluate.metrics=[accuracy]");

        assertThat(e.pipeline()).extracting(ComponentRef::name).containsExactly("standard-scaler", "ridge");
        assertThat(((CsvParams) e.data().source().params()).features()).containsExactly("sepal_length", "petal_width");
        assertThat(e.evaluate().metrics()).extracting(ComponentRef::name).containsExactly("accuracy");
    }

    @Test
    void missingSectionsAreCreated() {
        Path minimal = write(dir, "min.yaml", "grove: 1", "data: {source: csv, path: a.csv}", "pipeline: [ridge]");

        Experiment e = parse(minimal, "evaluate.cv.folds=4", "data.split.val=0.25");

        assertThat(e.evaluate().cv()).isEqualTo(new CvConfig(4, null, true));
        assertThat(e.data().split()).isEqualTo(new SplitConfig(0.2, 0.25, null, true));
    }

    @Test
    void laterOverrideWinsAndAnOverrideCanFixTheFile() {
        Path broken = write(dir, "b.yaml", "grove: 1", "seed: abc", "data: {source: csv, path: a.csv}", "pipeline: [ridge]");

        assertThat(parse(broken, "seed=1", "seed=2").seed()).isEqualTo(2L);
    }

    @Test
    void overrideValuesAreTypeCheckedLikeFileValues() {
        assertThat(problems(iris, "seed=abc", "pipeline[1].c=-1", "pipeline[0].with-std=yes")).containsExactly(
                override("seed=abc", "wrong type for seed: expected int, got string 'abc'"),
                override("pipeline[1].c=-1", "logistic-regression params: c must be > 0, got -1"),
                override("pipeline[0].with-std=yes",
                        "wrong type for with-std in standard-scaler params: expected boolean, got string 'yes' (write true or false)"));
    }

    @Test
    void unknownKeysSetByAnOverrideAreReportedAgainstIt() {
        assertThat(problems(iris, "pipeline[1].cc=1", "evalute.cv.folds=3")).containsExactly(
                override("pipeline[1].cc=1", "unknown key 'cc' in logistic-regression params; did you mean 'c'?"
                        + " valid keys: c, max-iter, penalty, tol"),
                override("evalute.cv.folds=3", "unknown key 'evalute' at the top level; did you mean 'evaluate'?"
                        + " valid keys: grove, name, seed, data, pipeline, model, train, evaluate"));
    }

    @Test
    void malformedOverridesAndBrokenPaths() {
        assertThat(problems(iris, "pipeline[5].c=0.1", "seed", "seed.x=1", "pipeline[x].c=1", "evaluate[0]=1", "=3",
                "data.split.test=[0.1"))
                .containsExactly(
                        override("pipeline[5].c=0.1", "index 5 is out of range: pipeline has 2 entries (indexes 0 to 1)"),
                        override("seed", "an override is PATH=VALUE, e.g. seed=7 or pipeline[1].c=0.1; this one has no '='"),
                        override("seed.x=1", "'seed.x' does not exist: 'seed' is int 42, not a mapping"),
                        override("pipeline[x].c=1", "'pipeline[x].c' is not a valid path: [x] is not a list index; write a number"
                                + " counting from 0 (paths look like seed, data.split.test or pipeline[1].c)"),
                        override("evaluate[0]=1", "'evaluate[0]' does not exist: 'evaluate' is a mapping, not a list"),
                        override("=3", "the path before '=' is empty (paths look like seed, data.split.test or pipeline[1].c)"),
                        override("data.split.test=[0.1", "invalid YAML: expected ',' or ']', but got <stream end>"
                                + " (while parsing a flow sequence that starts at line 1, column 1)"));
    }

    @Test
    void fileProblemsComeFirstThenOverridesInTheOrderGiven() {
        Path bad = write(dir, "b.yaml", "grove: 1", "data: {source: csv, path: a.csv}", "pipeline: [ridge]", "sed: 1");

        List<ConfigProblem> problems = problems(bad, "seed=x", "name=a b");

        assertThat(problems).extracting(ConfigProblem::source)
                .containsExactly(bad.toString(), "override 'seed=x'", "override 'name=a b'");
        assertThat(problems.get(1).toString()).isEqualTo("override 'seed=x': wrong type for seed: expected int, got string 'x'");
    }

    @Test
    void overridesReachTheResolvedConfiguration() {
        Experiment e = parse(iris, "pipeline[1].c=0.1", "pipeline[1].penalty=l2");

        assertThat(e.resolved().get("pipeline")).isEqualTo(List.of(
                Map.of("standard-scaler", Map.of("with-mean", true, "with-std", true)),
                Map.of("logistic-regression", Map.of("max-iter", 200, "c", 0.1, "penalty", "l2", "tol", 0.0001))));
    }
}
