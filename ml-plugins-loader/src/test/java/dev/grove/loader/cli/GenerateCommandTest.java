package dev.grove.loader.cli;

import static dev.grove.loader.cli.CliHarness.grove;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * grove generate through the real CLI, with the toy plugin's character source, tokenizer and bigram
 * language model: the prompt is encoded by the tokenizer the model's schema records, the same seed
 * gives the same text, and bad prompts and models are refused with what is wrong.
 */
class GenerateCommandTest {

    @TempDir
    static Path work;

    static Path plugins;
    static Path model;

    private static final String EXPERIMENT = String.join("\n",
            "grove: 1",
            "name: bigram",
            "seed: 1",
            "data:",
            "  source: toy-text",
            "  text: 'abcabcabcabd'",
            "  split: {test: 0.25, shuffle: false, stratify: false}",
            "pipeline:",
            "  - toy-bigram: {context: 3}",
            "");

    @BeforeAll
    static void trainTheBigram() throws IOException {
        plugins = ToyNetworkPlugin.build(work.resolve("toy-plugin"));
        Path file = Files.writeString(work.resolve("bigram.yaml"), EXPERIMENT);
        Path out = work.resolve("run");
        CliHarness.Outcome result = grove("run", file.toString(), "--out", out.toString(), "--plugins", plugins.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        model = out.resolve("model.grove");
    }

    private static CliHarness.Outcome generate(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "generate";
        all[1] = model.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--plugins";
        all[args.length + 3] = plugins.toString();
        return grove(all);
    }

    @Test
    void thePromptIsContinuedByTheRequestedTokensAndTheSameSeedGivesTheSameText() {
        CliHarness.Outcome first = generate("--prompt", "ab", "--tokens", "40", "--seed", "7");
        CliHarness.Outcome again = generate("--prompt", "ab", "--tokens", "40", "--seed", "7");
        CliHarness.Outcome other = generate("--prompt", "ab", "--tokens", "40", "--seed", "8");

        assertThat(first.exitCode()).as(first.all()).isZero();
        String text = first.out().strip();
        assertThat(text).startsWith("ab").hasSize(42);
        assertThat(text.chars().allMatch(c -> "abcd".indexOf(c) >= 0)).as(text).isTrue();
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
    }

    @Test
    void aLanguageModelRunWritesNoPredictionsFileButItsModel() {
        assertThat(model).exists();
        assertThat(model.resolveSibling("metrics.json")).exists();
        assertThat(model.resolveSibling("predictions.csv")).doesNotExist();
    }

    @Test
    void aPromptLongerThanTheContextOrWithUnknownSymbolsIsRefused() {
        CliHarness.Outcome tooLong = generate("--prompt", "abca");
        assertThat(tooLong.exitCode()).isNotZero();
        assertThat(tooLong.err()).contains("the prompt holds 4 tokens but the model looks at most at 3");

        CliHarness.Outcome unknown = generate("--prompt", "az");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("the prompt's token 2 'z' is not in the model's vocabulary of 4 tokens");
    }

    @Test
    void theRunWritesGeneratedTextFromTheShownSplitsFirstTokensAndTheReportShowsIt() throws IOException {
        // The test split is the last quarter of 'abcabcabcabd': 'abd'. The model's context is 3 tokens,
        // so the prompt is all of 'abd'; grove generate with the run's settings must print the same text.
        Path run = model.getParent();
        String written = Files.readString(run.resolve("generated.txt"));
        CliHarness.Outcome expected = generate("--prompt", "abd", "--tokens", "200", "--temperature", "0.8",
                "--top-k", "10", "--seed", "1");
        assertThat(expected.exitCode()).as(expected.all()).isZero();

        String[] parts = written.split("\n\n", 2);
        assertThat(parts[0]).contains("first 3 tokens").contains("200 tokens").contains("temperature 0.8")
                .contains("top-k 10").contains("seed 1");
        assertThat(parts[1].strip()).isEqualTo(expected.out().strip()).startsWith("abd").hasSize(203);

        String report = Files.readString(run.resolve("report.html"));
        assertThat(report).contains("Generated text").contains("<pre data-generated-text>");
        assertThat(report).contains(parts[1].strip().substring(0, 40));
        assertThat(report).doesNotContain("<h3>generated.txt</h3>");
    }

    @Test
    void aModelThatIsNotALanguageModelIsRefused(@TempDir Path tmp) {
        CliHarness.Outcome iris = grove("run", RunCommandTest.IRIS_EXAMPLE, RunCommandTest.IRIS_DATA, "--out",
                tmp.resolve("iris").toString());
        assertThat(iris.exitCode()).as(iris.all()).isZero();

        CliHarness.Outcome result = grove("generate", tmp.resolve("iris/model.grove").toString(), "--prompt", "a");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("is not a language model").contains("train.sequence");
    }
}
