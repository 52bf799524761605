package dev.grove.loader.modelio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.model.Provenance;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    private static final ModelFile TINY = ModelFiles.tiny();

    private static ModelFile with(String component, Map<String, Object> params, List<Map<String, Object>> steps) {
        return new ModelFile(component, params, steps, TINY.schema(), TINY.provenance(), TINY.state());
    }

    @Test
    void copiesParamsDeeplyAndMakesThemUnmodifiable() {
        List<Object> sizes = new ArrayList<>(List.of(1, 2));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sizes", sizes);
        ModelFile file = with("mlp", params, List.of());
        sizes.add(3);
        params.put("other", 1);
        assertThat(file.params()).isEqualTo(Map.of("sizes", List.of(1, 2)));
        assertThatThrownBy(() -> file.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) file.params().get("sizes")).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesValuesModelYamlCannotHold() {
        assertThatThrownBy(() -> with("mlp", Map.of("sizes", new int[] {1, 2}), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("params.sizes is a value of type [I;"
                        + " model.yaml holds only strings, numbers, booleans, null, lists and maps");
        assertThatThrownBy(() -> with("mlp", Map.of("when", Instant.EPOCH), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("params.when is a value of type java.time.Instant");
        assertThatThrownBy(() -> with("mlp", Map.of("nested", Map.of(1, "a")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("params.nested has the key the number 1; keys must be strings");
        assertThatThrownBy(() -> with("mlp", Map.of("x", new BigDecimal("1.5")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("params.x is a value of type java.math.BigDecimal");
    }

    @Test
    void refusesSelfReferenceAndExcessiveNesting() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        assertThatThrownBy(() -> with("mlp", Map.of("loop", loop), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested more than 16 levels deep");
        Object deepest = "leaf";
        for (int i = 0; i < PlainValues.MAX_DEPTH; i++) {
            deepest = List.of(deepest);
        }
        assertThat(with("mlp", Map.of("deep", deepest), List.of()).params()).containsKey("deep");
        Object tooDeep = List.of(deepest);
        assertThatThrownBy(() -> with("mlp", Map.of("deep", tooDeep), List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDeepestParamsAllowedSurviveAPipelineRoundTrip(@TempDir Path dir) {
        // Inside a step, the step map is the top: its params are level 1, the innermost map level 10.
        Object deepest = Map.of("leaf", 1);
        for (int i = 0; i < PlainValues.MAX_DEPTH - 2; i++) {
            deepest = List.of(deepest);
        }
        Map<String, Object> step = Map.of("component", "deep", "params", Map.of("deep", deepest));
        Provenance provenance = new Provenance("pipeline", Map.of("deep", deepest), 1, "f", "g", "j", ModelFiles.FITTED_AT);
        ModelFile file = new ModelFile("pipeline", Map.of(), List.of(step), TINY.schema(), provenance, TINY.state());
        Path path = dir.resolve("deep.grove");
        ModelFileWriter.write(path, file);
        ModelFiles.assertSameModel(ModelFileReader.read(path), file);
    }

    @Test
    void componentNamesAndParamsKeysAreKebabCase() {
        assertThatThrownBy(() -> with("LogisticRegression", Map.of(), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("component must be a kebab-case component name such as 'logistic-regression', got 'LogisticRegression'");
        assertThatThrownBy(() -> with("kmeans", Map.of("maxIter", 1), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("params key 'maxIter' is not kebab-case");
        assertThat(with("conv2d", Map.of("l1-ratio", 0.5, "c", 1), List.of()).component()).isEqualTo("conv2d");
    }

    @Test
    void onlyAPipelineHasStepsAndItHasNoParamsOfItsOwn() {
        Map<String, Object> step = Map.of("component", "kmeans", "params", Map.of());
        assertThatThrownBy(() -> with("kmeans", Map.of(), List.of(step))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("only a 'pipeline' has steps, but component 'kmeans' has 1");
        assertThatThrownBy(() -> with("pipeline", Map.of(), List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a pipeline needs at least one step");
        assertThatThrownBy(() -> with("pipeline", Map.of("k", 1), List.of(step))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a pipeline needs at least one step and no params of its own");
        assertThatThrownBy(() -> with("pipeline", Map.of(), List.of(Map.of("params", Map.of()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("steps[0].component must be a component name, found null");
        assertThat(with("pipeline", Map.of(), List.of(step)).isPipeline()).isTrue();
    }

    @Test
    void provenanceNeedsEveryField() {
        Provenance noVersion = new Provenance("kmeans", Map.of(), 1, "f", null, "17", Instant.EPOCH);
        assertThatThrownBy(() -> new ModelFile("kmeans", Map.of(), List.of(), TINY.schema(), noVersion, TINY.state()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("provenance.grove-version is missing");
        Provenance noTime = new Provenance("kmeans", Map.of(), 1, "f", "0.1", "17", null);
        assertThatThrownBy(() -> new ModelFile("kmeans", Map.of(), List.of(), TINY.schema(), noTime, TINY.state()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("provenance.fitted-at is missing");
    }
}
