package dev.grove.loader.config;

import static dev.grove.loader.config.ExperimentFiles.problems;
import static dev.grove.loader.config.ExperimentFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of problem an experiment file can have, with its position (line:column counted by hand
 * from the file text) and message.
 */
class ConfigProblemsTest {

    @TempDir
    Path dir;

    /** A file whose pipeline starts on line 4; {@code more} are appended after it. */
    private Path pipeline(String... steps) {
        List<String> lines = new ArrayList<>(List.of("grove: 1", "data: {source: csv, path: iris.csv}", "pipeline:"));
        lines.addAll(List.of(steps));
        return write(dir, "exp.yaml", lines.toArray(String[]::new));
    }

    private static ConfigProblem only(Path file) {
        List<ConfigProblem> problems = problems(file);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static ConfigProblem at(Path file, int line, int column, String message) {
        return new ConfigProblem(file.toString(), line, column, message);
    }

    @Test
    void transformerAsLastStepIsCalledWhatItIs() {
        Path file = pipeline("  - standard-scaler");
        assertThat(only(file)).isEqualTo(at(file, 4, 5,
                "'standard-scaler' is a transformer; the last pipeline step must be an estimator"));
    }

    @Test
    void estimatorBeforeTheLastStepIsRefused() {
        Path file = pipeline("  - logistic-regression", "  - ridge");
        assertThat(only(file)).isEqualTo(at(file, 4, 5, "'logistic-regression' is an estimator; the steps before the last"
                + " must be transformers (only the last pipeline step may be an estimator)"));
    }

    @Test
    void metricInThePipelineIsCalledAMetric() {
        Path file = pipeline("  - accuracy");
        assertThat(only(file)).isEqualTo(at(file, 4, 5, "'accuracy' is a metric; the last pipeline step must be an estimator"));
    }

    @Test
    void unknownMetricAndRepeatedMetric() {
        Path file = pipeline("  - ridge", "evaluate:", "  metrics: [accuracy, acuracy, accuracy]");
        assertThat(problems(file)).containsExactly(
                at(file, 6, 23, "unknown metric 'acuracy'; did you mean 'accuracy'? known metrics: accuracy, confusion-matrix, f1-macro"),
                at(file, 6, 32, "metric 'accuracy' is listed twice"));
    }

    @Test
    void unknownDataSourceSuggestsTheNearest() {
        Path file = write(dir, "d.yaml", "grove: 1", "data: {source: cvs, path: iris.csv}", "pipeline: [ridge]");
        assertThat(only(file)).isEqualTo(at(file, 2, 16, "unknown data source 'cvs'; did you mean 'csv'? known data sources: csv"));
    }

    @Test
    void unknownNameFarFromEveryComponentGetsNoSuggestion() {
        Path file = pipeline("  - xgboost");
        assertThat(only(file)).isEqualTo(at(file, 4, 5, "unknown estimator 'xgboost'; known estimators: broken-defaults,"
                + " logistic-regression, mlp, ridge"));
    }

    @Test
    void misspeltNameOfAnotherKindIsSuggestedWithItsKind() {
        Path file = pipeline("  - standard-scalr");
        assertThat(only(file).message()).startsWith("unknown estimator 'standard-scalr'; did you mean 'standard-scaler' (a transformer)?");
    }

    @Test
    void unknownKeyInDataOffersParamsAndSectionKeys() {
        Path file = write(dir, "d.yaml", "grove: 1", "data: {source: csv, paht: iris.csv}", "pipeline: [ridge]");
        assertThat(problems(file)).containsExactly(
                at(file, 2, 16, "missing required param 'path' in data (csv params) (string: the CSV file)"),
                at(file, 2, 21, "unknown key 'paht' in data (csv params); did you mean 'path'? valid keys: source, split,"
                        + " path, target, features, delimiter"));
    }

    @Test
    void missingRequiredParamIsReportedAtTheComponent() {
        Path file = pipeline("  - pca", "  - ridge");
        assertThat(only(file)).isEqualTo(at(file, 4, 5, "missing required param 'components' in pca params (int: number of components)"));
    }

    @Test
    void paramsOfAComponentWithoutParams() {
        Path file = pipeline("  - ridge: {alpha: 1}");
        assertThat(only(file)).isEqualTo(at(file, 4, 13, "unknown key 'alpha' in ridge params; ridge takes no params"));
    }

    @Test
    void minMaxAndOneOfViolationsAreReportedAtTheValue() {
        Path file = pipeline("  - logistic-regression: {c: -1, tol: 2, penalty: l3}");
        assertThat(problems(file)).containsExactly(
                at(file, 4, 30, "logistic-regression params: c must be > 0, got -1"),
                at(file, 4, 39, "logistic-regression params: tol must be <= 1, got 2"),
                at(file, 4, 51, "logistic-regression params: penalty must be one of l2, none, got 'l3'; did you mean 'l2'?"));
    }

    @Test
    void constructorRejectionIsReportedAtTheComponent() {
        Path file = pipeline("  - logistic-regression: {penalty: none, c: 0.5}");
        assertThat(only(file)).isEqualTo(at(file, 4, 5,
                "invalid logistic-regression params: c has no effect with penalty none; remove c or use penalty l2"));
    }

    @Test
    void wrongScalarTypes() {
        Path file = pipeline(
                "  - standard-scaler: {with-mean: yes, with-std: 1}",
                "  - logistic-regression: {max-iter: 1.5, c: abc}");
        assertThat(problems(file)).containsExactly(
                at(file, 4, 34, "wrong type for with-mean in standard-scaler params: expected boolean, got string 'yes'"
                        + " (write true or false)"),
                at(file, 4, 49, "wrong type for with-std in standard-scaler params: expected boolean, got int 1"),
                at(file, 5, 37, "wrong type for max-iter in logistic-regression params: expected int, got number 1.5"),
                at(file, 5, 45, "wrong type for c in logistic-regression params: expected number, got string 'abc'"));
    }

    @Test
    void yamlOneOneIntegerFormsAreStrings() {
        Path file = pipeline("  - logistic-regression: {max-iter: 0x1F}");
        assertThat(only(file).message()).isEqualTo(
                "wrong type for max-iter in logistic-regression params: expected int, got string '0x1F'");
    }

    @Test
    void aBooleanWhereTextIsExpectedAsksForQuotes() {
        Path file = write(dir, "d.yaml", "grove: 1", "data: {source: csv, path: true}", "pipeline: [ridge]");
        assertThat(only(file)).isEqualTo(at(file, 2, 27, "wrong type for path in data (csv params): expected string, got boolean true"
                + " (quote it, 'true', to mean the text)"));
    }

    @Test
    void listParamsCheckEveryElement() {
        Path file = pipeline("  - mlp: {hidden-sizes: [64, a, 0], dropouts: 0.5, activations: [relu, tan]}");
        assertThat(problems(file)).containsExactly(
                at(file, 4, 30, "wrong type for element 2 of hidden-sizes in mlp params: expected int, got string 'a'"),
                at(file, 4, 47, "wrong type for dropouts in mlp params: expected list of number, got number 0.5 (write [0.5] for a list of one)"),
                at(file, 4, 72, "mlp params: element 2 of activations must be one of relu, tanh, got 'tan'; did you mean 'tanh'?"));
    }

    @Test
    void listElementConstraintIsReportedAtTheElement() {
        Path file = pipeline("  - mlp: {hidden-sizes: [64, 0]}");
        assertThat(only(file)).isEqualTo(at(file, 4, 30, "mlp params: element 2 of hidden-sizes must be >= 1, got 0"));
    }

    @Test
    void invalidDeclaredDefaultIsAPluginBugReportedAtTheComponent() {
        Path file = pipeline("  - broken-defaults");
        ConfigProblem problem = only(file);
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).startsWith("broken-defaults declares an invalid default for alpha")
                .contains("expected number, got string 'abc'").endsWith("(a bug in its plugin)");
    }

    @Test
    void splitSharesMustBeFractionsOrRowCounts() {
        Path file = write(dir, "s.yaml",
                "grove: 1",
                "data:",
                "  source: csv",
                "  path: iris.csv",
                "  split: {test: 1.5, val: -0.1, shuffle: maybe}",
                "pipeline: [ridge]");
        assertThat(problems(file)).containsExactly(
                at(file, 5, 17, "data.split.test must be a fraction in [0, 1) or a whole number of rows >= 1, got number 1.5"),
                at(file, 5, 27, "data.split.val must be a fraction in [0, 1) or a whole number of rows >= 1, got number -0.1"),
                at(file, 5, 42, "wrong type for data.split.shuffle: expected boolean, got string 'maybe' (write true or false)"));
    }

    @Test
    void splitFractionsMustLeaveTrainingRows() {
        Path file = write(dir, "s.yaml", "grove: 1", "data: {source: csv, path: a.csv, split: {test: 0.6, val: 0.4}}",
                "pipeline: [ridge]");
        assertThat(only(file)).isEqualTo(at(file, 2, 41,
                "data.split: test 0.6 and val 0.4 leave no rows for training; as fractions they must add up to less than 1"));
    }

    @Test
    void cvNeedsTwoFoldsAndKnownKeys() {
        Path file = pipeline("  - ridge", "evaluate:", "  cv: {folds: 1, shufle: true}");
        assertThat(problems(file)).containsExactly(
                at(file, 6, 15, "evaluate.cv.folds must be >= 2, got 1"),
                at(file, 6, 18, "unknown key 'shufle' in evaluate.cv; did you mean 'shuffle'? valid keys: folds, stratify, shuffle"));
    }

    @Test
    void missingRequiredTopLevelKeysHaveNoPosition() {
        Path file = write(dir, "m.yaml", "name: m");
        assertThat(problems(file)).containsExactly(
                at(file, 0, 0, "missing required key 'grove': the format version; start the file with 'grove: 1'"),
                at(file, 0, 0, "missing required key 'data': where the data comes from, e.g. data: {source: csv, path: iris.csv,"
                        + " target: species}"),
                at(file, 0, 0, "missing required key 'pipeline': transformers then one estimator, e.g. pipeline:"
                        + " [standard-scaler, logistic-regression], or a network: model: {sequential: [...]} with train: {...}"));
        assertThat(problems(file).get(0).toString()).isEqualTo(file + ": missing required key 'grove': the format version;"
                + " start the file with 'grove: 1'");
    }

    @Test
    void unsupportedFormatVersion() {
        Path file = write(dir, "v.yaml", "grove: 2", "data: {source: csv, path: a.csv}", "pipeline: [ridge]");
        assertThat(only(file)).isEqualTo(at(file, 1, 8, "unsupported format version grove: 2; this Grove reads grove: 1"));
    }

    @Test
    void missingSourceAndWrongSectionTypes() {
        Path file = write(dir, "t.yaml", "grove: 1", "data: {path: a.csv}", "pipeline: ridge", "evaluate: [cv]");
        assertThat(problems(file)).containsExactly(
                at(file, 2, 1, "missing required key 'source' in data: the data source, e.g. source: csv"),
                at(file, 3, 11, "wrong type for pipeline: expected a list of transformers ending with one estimator, got string 'ridge'"),
                at(file, 4, 11, "wrong type for evaluate: expected a mapping such as {cv: {folds: 5}, metrics: [accuracy]}, got a list"));
    }

    @Test
    void pipelineStepWithParamsNotIndentedUnderItsName() {
        Path file = pipeline("  - logistic-regression:", "    c: 1.0");
        assertThat(only(file)).isEqualTo(at(file, 4, 5, "pipeline step 1 is a name or a one-key mapping 'name: {params}', got a"
                + " mapping with 2 keys ('logistic-regression', 'c'); indent the params under the name or write them in braces,"
                + " e.g. 'logistic-regression: {key: value}'"));
    }

    @Test
    void pipelineStepThatIsNotANameAndParamsThatAreNotAMapping() {
        Path file = pipeline("  - 5", "  - logistic-regression: 1.0");
        assertThat(problems(file)).containsExactly(
                at(file, 4, 5, "pipeline step 1 must be a component name or a one-key mapping 'name: {params}', got int 5"),
                at(file, 5, 26, "the params of logistic-regression must be a mapping such as {key: value}, got number 1.0"));
    }

    @Test
    void emptyPipeline() {
        Path file = write(dir, "e.yaml", "grove: 1", "data: {source: csv, path: a.csv}", "pipeline: []");
        assertThat(only(file)).isEqualTo(at(file, 3, 11,
                "the pipeline is empty; it needs at least an estimator, e.g. '- logistic-regression'"));
    }

    @Test
    void runNameMustBeSafeAsAFolderName() {
        Path file = write(dir, "n.yaml", "grove: 1", "name: ../../etc", "data: {source: csv, path: a.csv}", "pipeline: [ridge]");
        assertThat(only(file)).isEqualTo(at(file, 2, 7, "name '../../etc' cannot name a run folder: use letters, digits, '.',"
                + " '_' and '-', starting with a letter or digit, at most 100 characters"));
    }

    @Test
    void yamlSyntaxErrorHasAPosition() {
        Path file = write(dir, "y.yaml", "grove: 1", "data:", "\tsource: csv");
        ConfigProblem problem = only(file);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.column()).isEqualTo(1);
        assertThat(problem.message()).startsWith("invalid YAML: ").contains("cannot start any token");
    }

    @Test
    void unclosedFlowListNamesWhereItStarted() {
        Path file = write(dir, "y.yaml", "grove: 1", "pipeline: [ridge, pca");
        ConfigProblem problem = only(file);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).isEqualTo("invalid YAML: expected ',' or ']', but got <stream end>"
                + " (while parsing a flow sequence that starts at line 2, column 11)");
    }

    @Test
    void emptyFileMissingFileAndNonMappingFile() {
        Path empty = write(dir, "empty.yaml", "# nothing here");
        assertThat(only(empty)).isEqualTo(at(empty, 0, 0,
                "the file is empty; an experiment needs at least grove: 1, data and pipeline"));
        Path missing = dir.resolve("missing.yaml");
        assertThat(only(missing)).isEqualTo(at(missing, 0, 0, "no such file"));
        Path list = write(dir, "list.yaml", "- grove: 1");
        assertThat(only(list)).isEqualTo(at(list, 1, 1, "an experiment file is a mapping of keys (grove, name, seed, data,"
                + " pipeline, model, train, evaluate), got a list"));
    }

    @Test
    void secondDocumentIsRefused() {
        Path file = write(dir, "two.yaml", "grove: 1", "---", "grove: 1");
        assertThat(only(file)).isEqualTo(at(file, 2, 1,
                "a second YAML document starts here; an experiment file holds exactly one (remove the '---')"));
    }

    @Test
    void aFloodOfProblemsIsCutAfterTheFirstHundred() {
        List<String> lines = new ArrayList<>(List.of("grove: 1", "data: {source: csv, path: a.csv}", "pipeline: [ridge]"));
        for (int i = 0; i < 150; i++) {
            lines.add("unknown" + i + ": 1");
        }
        Path file = write(dir, "flood.yaml", lines.toArray(String[]::new));

        List<ConfigProblem> problems = problems(file);

        assertThat(problems).hasSize(ExperimentParser.MAX_PROBLEMS + 1);
        assertThat(problems.get(99).line()).isEqualTo(103);
        assertThat(problems.get(100)).isEqualTo(at(file, 0, 0, "and 50 more problems"));
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        java.nio.file.Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(only(file)).isEqualTo(at(file, 0, 0, "the file is not UTF-8 text"));
    }
}
