package dev.grove.loader.cli;

import static dev.grove.loader.cli.CliHarness.grove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with figures of its own ({@code SelfEvaluating}) gets them into metrics.json for every
 * split, and one that shows itself in files ({@code ArtifactWriter}) writes them into the run
 * directory, shown the test split: here the toy plugin's mean image on its 1x2x2 toy images.
 */
class ModelOwnOutputsTest {

    @TempDir
    Path work;

    private static final String EXPERIMENT = String.join("\n",
            "grove: 1",
            "name: mean-image",
            "seed: 3",
            "data:",
            "  source: toy-images",
            "  rows: 20",
            "  split: {test: 0.25, shuffle: false, stratify: false}",
            "pipeline:",
            "  - toy-mean-image",
            "");

    /** The toy images' pixel j of row i, as ToyImages defines them. */
    private static double pixel(int i, int j) {
        return (float) (i % 2 + 0.1 * ((i * 7 + j * 3) % 5) - 0.2);
    }

    @Test
    void ownFiguresReachMetricsAndFilesTheRunDirectory() throws IOException {
        Path plugins = ToyNetworkPlugin.build(work.resolve("toy-plugin"));
        Path file = Files.writeString(work.resolve("mean.yaml"), EXPERIMENT);
        Path out = work.resolve("run");

        CliHarness.Outcome result = grove("run", file.toString(), "--out", out.toString(), "--plugins", plugins.toString());

        assertThat(result.exitCode()).as(result.all()).isZero();
        // Rows 0..14 train, 15..19 test (split by position).
        double[] mean = new double[4];
        for (int i = 0; i < 15; i++) {
            for (int j = 0; j < 4; j++) {
                mean[j] += pixel(i, j) / 15;
            }
        }
        double distance = 0;
        for (int i = 15; i < 20; i++) {
            for (int j = 0; j < 4; j++) {
                distance += (pixel(i, j) - mean[j]) * (pixel(i, j) - mean[j]) / 5;
            }
        }
        String metrics = Files.readString(out.resolve("metrics.json"));
        Matcher test = Pattern.compile("\"test/mean-squared-distance\"\\s*:\\s*([0-9.eE+-]+)").matcher(metrics);
        assertThat(test.find()).as(metrics).isTrue();
        assertThat(Double.parseDouble(test.group(1))).isCloseTo(distance, within(1e-9));
        assertThat(metrics).contains("\"train/mean-squared-distance\"");
        assertThat(Files.readString(out.resolve("mean-image.txt"))).endsWith("shown 5");
    }
}
