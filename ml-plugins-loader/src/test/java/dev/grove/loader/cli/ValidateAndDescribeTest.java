package dev.grove.loader.cli;

import static dev.grove.loader.cli.CliHarness.grove;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration errors, unsafe YAML, and component descriptions through the CLI. */
class ValidateAndDescribeTest {

    @Test
    void validateReportsEveryProblemWithPositionAndSuggestion(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("bad.yaml");
        Files.writeString(file, String.join("\n",
                "grove: 1",
                "name: bad",
                "data:",
                "  source: csv",
                "  path: ../datasets/iris.csv",
                "  target: species",
                "pipeline:",
                "  - standard-scalar",
                "  - logistic-regression: {c: high, max-iters: 10}",
                ""));
        CliHarness.Outcome v = grove("validate", file.toString());
        assertThat(v.exitCode()).isEqualTo(2);
        assertThat(v.err()).contains("bad.yaml:8:5").contains("standard-scalar").contains("standard-scaler");
        assertThat(v.err()).contains("bad.yaml:9:36").contains("max-iters").contains("max-iter");
        assertThat(v.err()).contains("bad.yaml:9:30").contains("high");
        assertThat(v.err()).doesNotContain("\tat ");
    }

    @Test
    void validateAcceptsTheExamples() {
        for (String example : new String[] {"../examples/iris-logistic.yaml", "../examples/wine-gaussian-nb.yaml"}) {
            CliHarness.Outcome v = grove("validate", example);
            assertThat(v.exitCode()).as(v.all()).isZero();
            assertThat(v.out()).contains("ok");
        }
    }

    @Test
    void unsafeYamlIsRefused(@TempDir Path tmp) throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append("]\n");
        }
        assertRefused(tmp, "bomb.yaml", bomb.toString(), "alias");

        StringBuilder deep = new StringBuilder("grove: 1\ndata:\n");
        for (int i = 0; i < 50; i++) {
            deep.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
        }
        deep.append("  ".repeat(51)).append("v\n");
        assertRefused(tmp, "deep.yaml", deep.toString(), "nesting");

        assertRefused(tmp, "tag.yaml", "grove: 1\ndata: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]\n", "tag");
    }

    private static void assertRefused(Path tmp, String name, String yaml, String expected) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, yaml);
        CliHarness.Outcome v = grove("validate", file.toString());
        assertThat(v.exitCode()).as(name + ": " + v.all()).isEqualTo(2);
        assertThat(v.err().toLowerCase(java.util.Locale.ROOT)).as(name).contains(expected).contains(name);
        assertThat(v.err()).doesNotContain("\tat ");
    }

    @Test
    void describeShowsEveryParamWithDefaultConstraintAndDoc() {
        CliHarness.Outcome d = grove("describe", "logistic-regression");
        assertThat(d.exitCode()).as(d.all()).isZero();
        assertThat(d.out()).contains("penalty", "l2", "c ", "1.0", "> 0", "max-iter", "100", ">= 1", "tol", "fit-intercept")
                .contains("Example:").contains("- logistic-regression");
        for (String line : d.out().lines().filter(l -> l.startsWith("  ") && l.matches("  [a-z-]+ +[a-z].*")).toList()) {
            assertThat(line.trim().split(" {2,}")).as(line).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void unknownNamesAndMissingFilesAreUsageErrors() {
        CliHarness.Outcome d = grove("describe", "logistic-regresion");
        assertThat(d.exitCode()).isEqualTo(2);
        assertThat(d.err()).contains("logistic-regression");
        assertThat(grove("run", "no-such-file.yaml").exitCode()).isEqualTo(2);
        assertThat(grove("frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void listShowsPluginsAndComponents() {
        CliHarness.Outcome l = grove("list");
        assertThat(l.exitCode()).as(l.all()).isZero();
        assertThat(l.out()).contains("grove-classical", "grove-core", "logistic-regression", "gaussian-nb",
                "standard-scaler", "accuracy", "csv");
    }
}
