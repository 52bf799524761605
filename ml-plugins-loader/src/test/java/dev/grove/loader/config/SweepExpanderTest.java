package dev.grove.loader.config;

import static dev.grove.loader.config.ExperimentFiles.parse;
import static dev.grove.loader.config.ExperimentFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep arguments expand to the Cartesian product, first argument slowest. */
class SweepExpanderTest {

    @Test
    void productInOrderFirstArgumentSlowest() {
        List<List<String>> runs = SweepExpander.expand(List.of("pipeline[1].c=0.1,1,10", "seed=1,2"));

        assertThat(runs).containsExactly(
                List.of("pipeline[1].c=0.1", "seed=1"),
                List.of("pipeline[1].c=0.1", "seed=2"),
                List.of("pipeline[1].c=1", "seed=1"),
                List.of("pipeline[1].c=1", "seed=2"),
                List.of("pipeline[1].c=10", "seed=1"),
                List.of("pipeline[1].c=10", "seed=2"));
    }

    @Test
    void productSizeIsTheProductOfTheValueCounts() {
        assertThat(SweepExpander.expand(List.of("a=1,2,3", "b=1,2", "c=x,y,z,w"))).hasSize(3 * 2 * 4);
        assertThat(SweepExpander.expand(List.of("seed=5"))).containsExactly(List.of("seed=5"));
        assertThat(SweepExpander.expand(List.of())).containsExactly(List.of());
    }

    @Test
    void commasInsideBracketsBracesAndQuotesDoNotSplit() {
        assertThat(SweepExpander.expand(List.of("data.features=[a,b],[c]", "x={k: 1, j: 2}", "name='a,b', c")))
                .extracting(run -> String.join(" ", run))
                .containsExactly(
                        "data.features=[a,b] x={k: 1, j: 2} name='a,b'",
                        "data.features=[a,b] x={k: 1, j: 2} name=c",
                        "data.features=[c] x={k: 1, j: 2} name='a,b'",
                        "data.features=[c] x={k: 1, j: 2} name=c");
    }

    @Test
    void malformedSweepsAreAllReported() {
        assertThatThrownBy(() -> SweepExpander.expand(List.of("seed", "seed=1,,2", "f=[a,b", "pipeline[x].c=1", "g=a]", "h=1", "h=2")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        new ConfigProblem("sweep 'seed'", 0, 0,
                                "a sweep is PATH=V1,V2,..., e.g. seed=1,2,3 or pipeline[1].c=0.1,1,10; this one has no '='"),
                        new ConfigProblem("sweep 'seed=1,,2'", 0, 0, "empty value in '1,,2' (two commas in a row, or one at an end)"),
                        new ConfigProblem("sweep 'f=[a,b'", 0, 0, "a bracket or brace is not closed"),
                        new ConfigProblem("sweep 'pipeline[x].c=1'", 0, 0, "'pipeline[x].c' is not a valid path: [x] is not a"
                                + " list index; write a number counting from 0 (paths look like seed, data.split.test or pipeline[1].c)"),
                        new ConfigProblem("sweep 'g=a]'", 0, 0, "']' at position 2 closes nothing"),
                        new ConfigProblem("sweep 'h=2'", 0, 0, "h is swept twice; give all its values in one argument")));
    }

    @Test
    void hugeSweepsAreRefused() {
        String values = String.join(",", java.util.Collections.nCopies(100, "1"));
        assertThatThrownBy(() -> SweepExpander.expand(List.of("a=" + values, "b=" + values, "c=" + values)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("more than 10000 combinations");
    }

    @Test
    void expandedOverridesParseIntoDistinctExperiments(@TempDir Path dir) {
        Path file = write(dir, "iris.yaml", ExperimentFiles.IRIS);

        List<Double> cs = SweepExpander.expand(List.of("pipeline[1].c=0.01,1,100")).stream()
                .map(overrides -> ((TestComponents.LogisticParams) parse(file, overrides.toArray(String[]::new))
                        .pipeline().get(1).params()).c())
                .toList();

        assertThat(cs).containsExactly(0.01, 1.0, 100.0);
    }
}
