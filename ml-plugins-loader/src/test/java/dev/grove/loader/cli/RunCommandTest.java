package dev.grove.loader.cli;

import static dev.grove.loader.cli.CliHarness.grove;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The iris example end to end through the real CLI, plus sweeps and predict. */
class RunCommandTest {

    static final String IRIS_EXAMPLE = "../examples/iris-logistic.yaml";
    static final String IRIS_DATA = "data.path=../datasets/iris.csv";

    static double metric(Path metricsJson, String key) throws IOException {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\": ([-0-9.eE]+)").matcher(Files.readString(metricsJson));
        assertThat(m.find()).as("metrics.json has %s", key).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void irisExampleWritesEveryOutputAndReachesScikitLearnAccuracy(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("iris");
        CliHarness.Outcome run = grove("run", IRIS_EXAMPLE, IRIS_DATA, "--out", out.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        for (String file : List.of("config.yaml", "metrics.json", "history.csv", "model.grove", "run.log", "predictions.csv")) {
            assertThat(out.resolve(file)).as(file).isRegularFile();
        }
        // scikit-learn: 0.96 with 5-fold stratified CV (reference/sklearn-quality.json).
        assertThat(metric(out.resolve("metrics.json"), "cv/accuracy")).isGreaterThanOrEqualTo(0.95);
        assertThat(metric(out.resolve("metrics.json"), "test/accuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat(metric(out.resolve("metrics.json"), "time/total-seconds")).isPositive();
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertThat(metrics).contains("\"cv/accuracy/std\"", "\"train/accuracy\"", "\"model/coef\"",
                "\"test/confusion-matrix\"", "\"time/fit-seconds\"");
        String config = Files.readString(out.resolve("config.yaml"));
        assertThat(config).contains("../datasets/iris.csv").contains("max-iter: 200").contains("tol:");
        assertThat(Files.readAllLines(out.resolve("history.csv")).get(0)).startsWith("scope,step");
        assertThat(Files.readAllLines(out.resolve("history.csv")).size()).isGreaterThan(5);
    }

    @Test
    void sweepOverThreeValuesWritesThreeRows(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("sweep");
        CliHarness.Outcome run = grove("run", IRIS_EXAMPLE, IRIS_DATA, "evaluate.cv.folds=3",
                "-m", "pipeline[1].c=0.01,1,100", "--out", out.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).startsWith("run,pipeline[1].c,").contains("cv/accuracy");
        assertThat(csv.get(1)).startsWith("run-001,0.01,");
        assertThat(csv.get(3)).startsWith("run-003,100,");
        assertThat(Files.readString(out.resolve("sweep.md"))).contains("| run | pipeline[1].c |");
        // A weaker penalty fits iris better on training rows than a very strong one.
        double strong = metric(out.resolve("run-001/metrics.json"), "train/accuracy");
        double weak = metric(out.resolve("run-003/metrics.json"), "train/accuracy");
        assertThat(weak).isGreaterThan(strong);
    }

    @Test
    void aSweepOverKReportsTheElbowAndSilhouettePerK(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("k");
        CliHarness.Outcome run = grove("run", "../examples/iris-kmeans.yaml", IRIS_DATA,
                "-m", "pipeline[1].k=2,3,4,5", "--out", out.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).startsWith("run,pipeline[1].k,train/inertia,train/silhouette");
        double previous = Double.MAX_VALUE;
        for (int i = 1; i < csv.size(); i++) {
            double inertia = Double.parseDouble(csv.get(i).split(",")[2]);
            // More centres never fit worse: the elbow curve falls.
            assertThat(inertia).as("k=%d", i + 1).isLessThan(previous);
            previous = inertia;
        }
        // Iris's two well-separated groups (setosa vs the rest) give the best silhouette at k=2.
        double silhouette2 = Double.parseDouble(csv.get(1).split(",")[3]);
        for (int i = 2; i < csv.size(); i++) {
            assertThat(Double.parseDouble(csv.get(i).split(",")[3])).isLessThan(silhouette2);
        }
    }

    @Test
    void predictReproducesTheRunsTestPredictions(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("iris");
        assertThat(grove("run", IRIS_EXAMPLE, IRIS_DATA, "--out", out.toString()).exitCode()).isZero();
        Path predicted = tmp.resolve("predicted.csv");
        CliHarness.Outcome predict = grove("predict", out.resolve("model.grove").toString(),
                out.resolve("predictions.csv").toString(), "--out", predicted.toString());
        assertThat(predict.exitCode()).as(predict.all()).isZero();
        List<String> inRun = Files.readAllLines(out.resolve("predictions.csv"));
        List<String> again = Files.readAllLines(predicted);
        assertThat(again).hasSameSizeAs(inRun);
        assertThat(again.get(0)).isEqualTo("sepal_length,sepal_width,petal_length,petal_width,predicted,"
                + "p(setosa),p(versicolor),p(virginica)");
        for (int i = 1; i < inRun.size(); i++) {
            List<String> a = List.of(inRun.get(i).split(","));
            List<String> b = List.of(again.get(i).split(","));
            // Same features, then the run's columns after the true label must equal predict's exactly.
            assertThat(b.subList(0, 4)).isEqualTo(a.subList(0, 4));
            assertThat(b.subList(4, b.size())).as("row %d", i).isEqualTo(a.subList(5, a.size()));
        }
    }

    @Test
    void damagedModelFilesFailWithAClearMessage(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("iris");
        assertThat(grove("run", IRIS_EXAMPLE, IRIS_DATA, "evaluate.cv.folds=2", "--out", out.toString()).exitCode()).isZero();
        byte[] good = Files.readAllBytes(out.resolve("model.grove"));

        Path truncated = tmp.resolve("truncated.grove");
        Files.write(truncated, java.util.Arrays.copyOf(good, good.length / 2));
        CliHarness.Outcome t = grove("predict", truncated.toString(), "../datasets/iris.csv");
        assertThat(t.exitCode()).isEqualTo(1);
        assertThat(t.err()).contains("truncated.grove").doesNotContain("\tat ");

        for (int offset : new int[] {good.length / 3, good.length / 2, good.length - 40}) {
            byte[] flipped = good.clone();
            flipped[offset] ^= 0x10;
            Path bad = tmp.resolve("flipped-" + offset + ".grove");
            Files.write(bad, flipped);
            CliHarness.Outcome f = grove("predict", bad.toString(), "../datasets/iris.csv");
            assertThat(f.exitCode()).as("bit flip at %d: %s", offset, f.all()).isEqualTo(1);
            assertThat(f.err()).contains("grove: run failed").contains(bad.getFileName().toString()).doesNotContain("\tat ");
        }
    }

    @Test
    void aSweepIsAGridSearchWhoseBestCrossValidatedRunsModelIsKept(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("grid");
        CliHarness.Outcome run = grove("run", IRIS_EXAMPLE, IRIS_DATA, "evaluate.cv.folds=3",
                "-m", "pipeline[1].c=0.001,0.1,10", "--out", out.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        int expected = 0;
        double bestAccuracy = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            double accuracy = metric(out.resolve(String.format("run-%03d/metrics.json", i + 1)), "cv/accuracy");
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                expected = i;
            }
        }
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv.get(0)).endsWith(",best");
        for (int i = 1; i < csv.size(); i++) {
            assertThat(csv.get(i).endsWith(",yes")).as(csv.get(i)).isEqualTo(i - 1 == expected);
        }
        String winner = String.format("run-%03d", expected + 1);
        // c=0.001 shrinks the weights so far that iris's versicolor/virginica split is lost.
        assertThat(winner).isNotEqualTo("run-001");
        assertThat(Files.readString(out.resolve("sweep.md"))).contains("Best: " + winner + " (cv/accuracy = ");
        assertThat(Files.readAllBytes(out.resolve("best-model.grove")))
                .isEqualTo(Files.readAllBytes(out.resolve(winner).resolve("model.grove")));
    }

    @Test
    void aLowerIsBetterMetricPicksTheSmallestValue(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("grid");
        CliHarness.Outcome run = grove("run", IRIS_EXAMPLE, IRIS_DATA, "evaluate.cv.folds=3",
                "-m", "pipeline[1].c=0.01,1,100",
                "--select", "cv/log-loss", "--out", out.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        int expected = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            double loss = metric(out.resolve(String.format("run-%03d/metrics.json", i + 1)), "cv/log-loss");
            if (loss < lowest) {
                lowest = loss;
                expected = i;
            }
        }
        assertThat(Files.readString(out.resolve("sweep.md")))
                .contains(String.format("Best: run-%03d (cv/log-loss = ", expected + 1)).contains("lower is better");
    }

    @Test
    void choosingKBySilhouetteNeedsAnExplicitSelection(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("k");
        CliHarness.Outcome run = grove("run", "../examples/iris-kmeans.yaml", IRIS_DATA,
                "-m", "pipeline[1].k=2,3,4", "--select", "train/silhouette", "--out", out.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(Files.readString(out.resolve("sweep.md"))).contains("Best: run-001 (train/silhouette = ");
        assertThat(out.resolve("best-model.grove")).isRegularFile();
    }

    @Test
    void badSelectionsAreRefusedBeforeAnyRunStarts(@TempDir Path tmp) {
        Path out = tmp.resolve("bad");
        CliHarness.Outcome unknownDirection = grove("run", IRIS_EXAMPLE, IRIS_DATA, "-m", "pipeline[1].c=0.1,1",
                "--select", "model/bic", "--out", out.toString());
        assertThat(unknownDirection.exitCode()).isEqualTo(2);
        assertThat(unknownDirection.err()).contains("'bic' is not a registered metric").contains("model/bic:min");
        assertThat(out).doesNotExist();

        CliHarness.Outcome noSweep = grove("run", IRIS_EXAMPLE, IRIS_DATA, "--select", "cv/accuracy", "--out", out.toString());
        assertThat(noSweep.exitCode()).isEqualTo(2);
        assertThat(noSweep.err()).contains("--select picks the best run of a sweep");
    }

    @Test
    void aSelectedMetricNoRunReportedKeepsTheTableAndNamesTheReportedOnes(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("grid");
        CliHarness.Outcome run = grove("run", IRIS_EXAMPLE, IRIS_DATA, "evaluate.cv.folds=2", "-m", "pipeline[1].c=0.1,1",
                "--select", "val/accuracy", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no run reported that metric").contains("cv/accuracy");
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(3);
    }
}
