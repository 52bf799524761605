package dev.grove.loader.cli;

import static dev.grove.loader.cli.CliHarness.grove;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin written against ml-api alone, compiled and jarred outside the build, then loaded with
 * {@code --plugins DIR}: listed, described and used in a run without rebuilding Grove.
 */
class ThirdPartyPluginTest {

    @TempDir
    static Path work;

    static Path pluginDir;

    private static final String MODULE_INFO = """
            module com.example.majority {
                requires dev.grove.api;
                exports com.example.majority;
                provides dev.grove.api.spi.Plugin with com.example.majority.MajorityPlugin;
            }
            """;

    private static final String PLUGIN = """
            package com.example.majority;

            import dev.grove.api.data.Dataset;
            import dev.grove.api.data.Schema;
            import dev.grove.api.model.Classifier;
            import dev.grove.api.model.Estimator;
            import dev.grove.api.model.ModelState;
            import dev.grove.api.spi.Component;
            import dev.grove.api.spi.GroveApi;
            import dev.grove.api.spi.NoParams;
            import dev.grove.api.spi.Plugin;
            import dev.grove.api.spi.Registry;

            public final class MajorityPlugin implements Plugin {
                public String id() { return "example-majority"; }
                public String apiVersion() { return GroveApi.VERSION; }
                public void register(Registry r) {
                    r.register(Component.estimator("majority-class", NoParams.class, p -> estimator(),
                            (p, schema, state) -> new Majority(schema, state.doubles("frequencies")),
                            "Predicts the most frequent training class (a baseline)."));
                }

                static Estimator<Majority> estimator() {
                    return (data, context) -> {
                        double[] f = new double[data.schema().classLabels().size()];
                        for (int i = 0; i < data.rows(); i++) { f[data.label(i)] += 1.0 / data.rows(); }
                        return new Majority(data.schema(), f);
                    };
                }

                public record Majority(Schema schema, double[] frequencies) implements Classifier {
                    public int[] predict(Dataset data) {
                        int best = 0;
                        for (int c = 1; c < frequencies.length; c++) { if (frequencies[c] > frequencies[best]) best = c; }
                        int[] out = new int[data.rows()];
                        java.util.Arrays.fill(out, best);
                        return out;
                    }
                    public double[][] predictProba(Dataset data) {
                        double[][] out = new double[data.rows()][];
                        for (int i = 0; i < out.length; i++) out[i] = frequencies.clone();
                        return out;
                    }
                    public ModelState state() { return ModelState.builder().put("frequencies", frequencies).build(); }
                }
            }
            """;

    @BeforeAll
    static void buildPluginJar() throws IOException {
        Path src = work.resolve("src");
        Path pkg = src.resolve("com/example/majority");
        Files.createDirectories(pkg);
        Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(pkg.resolve("MajorityPlugin.java"), PLUGIN);
        Path classes = work.resolve("classes");
        String modulePath = location("dev.grove.api") + java.io.File.pathSeparator + location("dev.grove.tensor");
        run("javac", "--release", "17", "-d", classes.toString(), "--module-path", modulePath,
                src.resolve("module-info.java").toString(), pkg.resolve("MajorityPlugin.java").toString());
        pluginDir = work.resolve("plugins");
        Files.createDirectories(pluginDir);
        run("jar", "--create", "--file", pluginDir.resolve("majority.jar").toString(), "-C", classes.toString(), ".");
    }

    private static String location(String module) {
        URI uri = ModuleLayer.boot().configuration().findModule(module).orElseThrow()
                .reference().location().orElseThrow();
        return Path.of(uri).toString();
    }

    private static void run(String tool, String... args) {
        StringWriter output = new StringWriter();
        int code = ToolProvider.findFirst(tool).orElseThrow()
                .run(new PrintWriter(output, true), new PrintWriter(output, true), args);
        assertThat(code).as(tool + " " + String.join(" ", args) + "\n" + output).isZero();
    }

    @Test
    void listShowsThePluginOnlyWhenItsFolderIsGiven() {
        assertThat(grove("list").out()).doesNotContain("majority-class");
        CliHarness.Outcome list = grove("list", "--plugins", pluginDir.toString());
        assertThat(list.exitCode()).as(list.all()).isZero();
        assertThat(list.out()).contains("example-majority", "com.example.majority", "majority-class",
                "Predicts the most frequent training class");
    }

    @Test
    void runUsesThePluginsEstimator() throws IOException {
        Path experiment = work.resolve("majority.yaml");
        Files.writeString(experiment, String.join("\n",
                "grove: 1",
                "data:",
                "  source: csv",
                "  path: ../datasets/iris.csv",
                "  target: species",
                "  split: {test: 0.2, stratify: true}",
                "pipeline:",
                "  - majority-class",
                "evaluate:",
                "  metrics: [accuracy]",
                ""));
        Path out = work.resolve("run");
        List<String> args = new ArrayList<>(List.of("run", experiment.toString(), "--plugins", pluginDir.toString(),
                "--out", out.toString()));
        CliHarness.Outcome run = grove(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.all()).isZero();
        // Iris is balanced (50 per class), so predicting one class is right for exactly a third of the stratified test rows.
        assertThat(RunCommandTest.metric(out.resolve("metrics.json"), "test/accuracy")).isEqualTo(1.0 / 3.0);
        CliHarness.Outcome predict = grove("predict", out.resolve("model.grove").toString(), "../datasets/iris.csv",
                "--plugins", pluginDir.toString());
        assertThat(predict.exitCode()).as(predict.all()).isZero();
        assertThat(predict.out().lines().skip(1).map(l -> l.split(",")[4]).distinct().toList()).containsExactly("setosa");
        CliHarness.Outcome withoutPlugin = grove("predict", out.resolve("model.grove").toString(), "../datasets/iris.csv");
        assertThat(withoutPlugin.exitCode()).isEqualTo(1);
        assertThat(withoutPlugin.err()).contains("majority-class").contains("--plugins");
    }
}
