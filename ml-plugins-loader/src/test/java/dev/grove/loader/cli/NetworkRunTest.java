package dev.grove.loader.cli;

import static dev.grove.loader.cli.CliHarness.grove;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.loader.modelio.ModelFile;
import dev.grove.loader.modelio.ModelFileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Networks through the real CLI, with a toy network plugin loaded by --plugins: the model: and
 * train: sections, training that watches the validation split, saved models that restore from
 * their component-valued params, checkpoints and --resume, a diverging training's exit, summaries.
 */
class NetworkRunTest {

    @TempDir
    static Path work;

    static Path plugins;

    private static final String EXPERIMENT = String.join("\n",
            "grove: 1",
            "name: toy",
            "seed: 3",
            "data:",
            "  source: toy-images",
            "  rows: 40",
            "  split: {test: 0.25, val: 0.25}",
            "model:",
            "  sequential: [dense: {units: 1000}, relu, dense: {units: 2}]",
            "train:",
            "  optimizer: {sgd: {lr: 0.5}}",
            "  epochs: 6",
            "  checkpoint: 2",
            "  freeze: 1",
            "evaluate:",
            "  metrics: [accuracy]",
            "");

    @BeforeAll
    static void buildPlugin() {
        plugins = ToyNetworkPlugin.build(work.resolve("toy-plugin"));
    }

    private static Path experiment(Path dir) throws IOException {
        return Files.writeString(dir.resolve("toy.yaml"), EXPERIMENT);
    }

    private static CliHarness.Outcome run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--plugins", plugins.toString()));
        return grove(all.toArray(String[]::new));
    }

    private static double[] weights(Path runDir) {
        return ModelFileReader.read(runDir.resolve("model.grove")).state().doubles("weights");
    }

    @Test
    void aNetworkTrainsWatchingTheValidationSplitAndItsSavedModelRestores(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        CliHarness.Outcome result = run("run", experiment(tmp).toString(), "--out", out.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();

        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertThat(history.get(0)).isEqualTo("scope,step,train/loss,val/loss");
        assertThat(history.subList(1, history.size())).hasSize(6).allSatisfy(row -> {
            assertThat(row).startsWith("fit/step-0,");
            assertThat(row.split(",", -1)[3]).as("val/loss of %s", row).isNotEmpty();
        });
        // Gradient descent on a convex loss from zero weights: the loss falls from ln 2.
        assertThat(Double.parseDouble(history.get(1).split(",")[2])).isCloseTo(Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Double.parseDouble(history.get(6).split(",")[2])).isLessThan(Math.log(2));

        // Shaped samples (images) are listed by row index, not by their pixel columns.
        List<String> predictions = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(predictions.get(0)).startsWith("row,").doesNotContain("p0");
        assertThat(predictions.get(1)).startsWith("0,");
        assertThat(predictions.get(2)).startsWith("1,");

        ModelFile saved = ModelFileReader.read(out.resolve("model.grove"));
        assertThat(saved.component()).isEqualTo("network");
        assertThat(saved.schema().sampleShape()).containsExactly(1, 2, 2);
        assertThat(saved.params().get("model")).isEqualTo(Map.of("sequential", Map.of("layers", List.of(
                Map.of("dense", Map.of("units", 1000)), Map.of("relu", Map.of()), Map.of("dense", Map.of("units", 2))))));

        Path rows = Files.writeString(tmp.resolve("rows.csv"), "p0,p1,p2,p3\n1.1,1.0,0.9,1.2\n-0.1,0.0,0.1,-0.2\n");
        CliHarness.Outcome predict = run("predict", out.resolve("model.grove").toString(), rows.toString());
        assertThat(predict.exitCode()).as(predict.all()).isZero();
        assertThat(predict.out().lines().skip(1).map(l -> l.split(",")[4]).toList()).containsExactly("bright", "dark");

        CliHarness.Outcome again = run("validate", out.resolve("config.yaml").toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("ok (experiment 'toy': network)");
    }

    @Test
    void anInterruptedRunResumedFromItsCheckpointEndsWithTheWeightsOfAnUninterruptedOne(@TempDir Path tmp) throws IOException {
        Path file = experiment(tmp);
        Path whole = tmp.resolve("whole");
        assertThat(run("run", file.toString(), "--out", whole.toString()).exitCode()).isZero();

        Path resumed = tmp.resolve("resumed");
        CliHarness.Outcome interrupted = run("run", file.toString(), "train.interrupt-after=3", "--out", resumed.toString());
        assertThat(interrupted.exitCode()).isEqualTo(1);
        assertThat(interrupted.err()).contains("simulated interruption after epoch 3");
        assertThat(resumed.resolve("checkpoints/last.state")).isRegularFile();

        CliHarness.Outcome resume = run("run", "--resume", resumed.toString());
        assertThat(resume.exitCode()).as(resume.all()).isZero();

        assertThat(weights(resumed)).isEqualTo(weights(whole));
        // Epochs 1-2 come from the first attempt, 3-6 from the resumed one; together the whole history.
        assertThat(Files.readAllLines(resumed.resolve("history.csv"))).isEqualTo(Files.readAllLines(whole.resolve("history.csv")));
        String log = Files.readString(resumed.resolve("run.log"));
        assertThat(log).contains("run 'toy' (seed 3) writing to").contains("run failed")
                .contains("resuming run 'toy' (seed 3) in");
        assertThat(log.indexOf("run failed")).isLessThan(log.indexOf("resuming run"));
    }

    @Test
    void resumingNeedsTheFolderOfARunAndNothingElse(@TempDir Path tmp) throws IOException {
        CliHarness.Outcome noConfig = run("run", "--resume", tmp.toString());
        assertThat(noConfig.exitCode()).isEqualTo(2);
        assertThat(noConfig.err()).contains("cannot resume " + tmp + ": it has no config.yaml, so it is not a run folder");

        CliHarness.Outcome missing = run("run", "--resume", tmp.resolve("nothing").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such folder");

        CliHarness.Outcome withFile = run("run", experiment(tmp).toString(), "--resume", tmp.toString());
        assertThat(withFile.exitCode()).isEqualTo(2);
        assertThat(withFile.err()).contains("give no experiment file, overrides, -m or --out with it");
    }

    @Test
    void aDivergingTrainingEndsWithOneClearMessageAndExitCodeOne(@TempDir Path tmp) throws IOException {
        CliHarness.Outcome diverged = run("run", experiment(tmp).toString(), "train.optimizer.sgd.lr=.inf",
                "--out", tmp.resolve("run").toString());

        assertThat(diverged.exitCode()).isEqualTo(1);
        // An infinite step makes every weight infinite or NaN, so the second epoch's loss is NaN.
        assertThat(diverged.err().lines().filter(l -> l.startsWith("grove:")).toList()).containsExactly(
                "grove: run failed: training stopped at epoch 2: the loss is NaN; lower the learning rate");
        assertThat(diverged.err()).doesNotContain("\tat ");
    }

    @Test
    void summaryPrintsTheLayersOutputShapesAndParameterCounts(@TempDir Path tmp) throws IOException {
        CliHarness.Outcome summary = run("summary", experiment(tmp).toString());

        assertThat(summary.exitCode()).as(summary.all()).isZero();
        // Samples are 1x2x2 = 4 values: dense 1000 has (4 + 1) * 1000 weights, dense 2 has (1000 + 1) * 2;
        // freeze: 1 freezes the first layer.
        assertThat(summary.out()).isEqualTo(String.join("\n",
                "Layer (type)       Output shape    Param #",
                "==========================================",
                "dense-1 (dense)    (1000)            5,000",
                "relu-1 (relu)      (1000)                0",
                "dense-2 (dense)    (2)               2,002",
                "==========================================",
                "Total params: 7,002",
                "Trainable params: 2,002",
                "Non-trainable params: 5,000",
                ""));
    }

    @Test
    void summaryOfAnEstimatorWithoutLayersIsAUsageError() {
        CliHarness.Outcome summary = grove("summary", RunCommandTest.IRIS_EXAMPLE, RunCommandTest.IRIS_DATA);

        assertThat(summary.exitCode()).isEqualTo(2);
        assertThat(summary.err()).contains("'logistic-regression' has no layers to summarise");
    }

    @Test
    void aModelSectionWithoutTheNeuralPluginAndDescribingComponentParams(@TempDir Path tmp) throws IOException {
        CliHarness.Outcome withoutPlugin = grove("validate", experiment(tmp).toString());
        assertThat(withoutPlugin.exitCode()).isEqualTo(2);
        assertThat(withoutPlugin.err()).contains("toy.yaml:8:1: model: describes a neural network, which needs the neural plugin");

        CliHarness.Outcome describe = run("describe", "network");
        assertThat(describe.exitCode()).as(describe.all()).isZero();
        assertThat(describe.out()).containsPattern("model +layer component +\\(required\\)")
                .containsPattern("train\\.optimizer +optimizer component +sgd")
                .containsPattern("train\\.epochs +int +6 +>= 1")
                .contains("model: <layer component>");
    }
}
