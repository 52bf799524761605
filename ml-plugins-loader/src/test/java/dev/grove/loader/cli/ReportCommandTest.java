package dev.grove.loader.cli;

import static dev.grove.loader.cli.CliHarness.grove;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every run writes report.html; {@code grove report} draws it again from the run's files alone;
 * {@code grove compare} writes a page comparing runs; and a report that cannot be written never
 * costs a run its other outputs.
 */
class ReportCommandTest {

    @TempDir
    Path work;

    private Path irisRun(String name, String... overrides) {
        Path out = work.resolve(name);
        String[] args = new String[5 + overrides.length];
        args[0] = "run";
        args[1] = RunCommandTest.IRIS_EXAMPLE;
        args[2] = RunCommandTest.IRIS_DATA;
        System.arraycopy(overrides, 0, args, 3, overrides.length);
        args[3 + overrides.length] = "--out";
        args[4 + overrides.length] = out.toString();
        CliHarness.Outcome run = grove(args);
        assertThat(run.exitCode()).as(run.all()).isZero();
        return out;
    }

    @Test
    void reportRedrawsTheRunsPageFromItsFilesAlone() throws IOException {
        Path run = irisRun("iris", "evaluate.cv.folds=3");
        String written = Files.readString(run.resolve("report.html"));
        assertThat(written).contains("data-chart=\"confusion-matrix\"", "data-chart=\"curve-loss\"", "Fit diagnosis");
        Files.delete(run.resolve("report.html"));

        CliHarness.Outcome report = grove("report", run.toString());

        assertThat(report.exitCode()).as(report.all()).isZero();
        assertThat(report.out().trim()).isEqualTo(run.resolve("report.html").toString());
        assertThat(Files.readString(run.resolve("report.html"))).isEqualTo(written);
    }

    @Test
    void aFolderThatIsNotARunIsRefused() throws IOException {
        CliHarness.Outcome missing = grove("report", work.resolve("nothing").toString());
        assertThat(missing.exitCode()).isEqualTo(GroveCli.CONFIG_ERROR);
        assertThat(missing.err()).contains("no such folder");

        Path empty = Files.createDirectories(work.resolve("empty"));
        CliHarness.Outcome notARun = grove("report", empty.toString());
        assertThat(notARun.exitCode()).isEqualTo(GroveCli.CONFIG_ERROR);
        assertThat(notARun.err()).contains("it has no config.yaml, so it is not a run folder");
    }

    @Test
    void aReportThatCannotBeWrittenIsAWarningAndTheRunKeepsItsOutputs() throws IOException {
        Path out = work.resolve("blocked");
        // A non-empty folder where report.html should go: the report cannot replace it.
        Files.createDirectories(out.resolve("report.html"));
        Files.writeString(out.resolve("report.html").resolve("keep"), "x");

        CliHarness.Outcome run = grove("run", RunCommandTest.IRIS_EXAMPLE, RunCommandTest.IRIS_DATA, "evaluate.cv.folds=2",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        for (String file : new String[] {"config.yaml", "metrics.json", "history.csv", "model.grove", "report-data.json"}) {
            assertThat(out.resolve(file)).as(file).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("run.log"))).contains("WARN could not write report.html");
        assertThat(out.resolve(".report.html.tmp")).doesNotExist();
    }

    @Test
    void aFailedRunStillGetsAReportOfWhatItWrote() throws IOException {
        // The toy network plugin's training with an infinite learning rate: its loss is NaN at epoch 2.
        Path plugins = ToyNetworkPlugin.build(work.resolve("toy-plugin"));
        Path experiment = Files.writeString(work.resolve("toy.yaml"), String.join("\n",
                "grove: 1",
                "name: toy",
                "seed: 3",
                "data: {source: toy-images, rows: 40, split: {test: 0.25, val: 0.25}}",
                "model:",
                "  sequential: [dense: {units: 10}, relu, dense: {units: 2}]",
                "train:",
                "  optimizer: {sgd: {lr: .inf}}",
                "  epochs: 4",
                ""));
        Path out = work.resolve("diverged");

        CliHarness.Outcome run = grove("run", experiment.toString(), "--out", out.toString(), "--plugins", plugins.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(GroveCli.RUN_FAILED);
        String report = Files.readString(out.resolve("report.html"));
        assertThat(report).contains("the run saved no model.grove", "data-chart=\"curve-loss\"");
    }

    @Test
    void compareMarksTheBestRunAndChartsTheSettingThatDiffers() throws IOException {
        Path strong = irisRun("strong", "pipeline[1].c=0.01", "evaluate.cv.folds=3");
        Path weak = irisRun("weak", "pipeline[1].c=100", "evaluate.cv.folds=3");
        Path page = work.resolve("pages/comparison.html");

        CliHarness.Outcome compare = grove("compare", strong.toString(), weak.toString(), "--out", page.toString());

        assertThat(compare.exitCode()).as(compare.all()).isZero();
        String html = Files.readString(page);
        assertThat(html).contains("<th>pipeline[1].logistic-regression.c</th>")
                .contains("data-chart=\"sweep-cv-accuracy-vs-pipeline-1-logistic-regression-c\"")
                .contains("<a href=\"../strong/report.html\">");
        // The default choice, as a sweep's: the first cv/ metric, cv/accuracy, higher is better.
        double strongAccuracy = RunCommandTest.metric(strong.resolve("metrics.json"), "cv/accuracy");
        double weakAccuracy = RunCommandTest.metric(weak.resolve("metrics.json"), "cv/accuracy");
        Path winner = weakAccuracy > strongAccuracy ? weak : strong;
        assertThat(html).contains("<tr class=\"best\"><td><a href=\"../" + winner.getFileName() + "/report.html\">");
    }

    @Test
    void aSweepWritesItsComparisonPage() throws IOException {
        Path out = work.resolve("sweep");
        CliHarness.Outcome run = grove("run", RunCommandTest.IRIS_EXAMPLE, RunCommandTest.IRIS_DATA, "evaluate.cv.folds=3",
                "-m", "pipeline[1].c=0.01,1,100", "--out", out.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        String html = Files.readString(out.resolve("comparison.html"));
        assertThat(html).contains("<th>pipeline[1].c</th>", "<a href=\"run-003/report.html\">run-003</a>", "★ best")
                // c spans four decades: charted on a log axis with ticks at powers of ten.
                .contains("data-chart=\"sweep-cv-accuracy-vs-pipeline-1-c\"", ">0.01</text>", ">100</text>");
        assertThat(out.resolve("run-001/report.html")).isRegularFile();
    }
}
