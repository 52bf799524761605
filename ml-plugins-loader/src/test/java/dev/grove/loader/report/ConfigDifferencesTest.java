package dev.grove.loader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDifferencesTest {

    @TempDir
    Path work;

    private Path run(String name, String config) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Files.writeString(dir.resolve("config.yaml"), config);
        return dir;
    }

    @Test
    void onlyTheSettingsThatDifferAreKept() throws IOException {
        Path a = run("a", "name: x\nseed: 1\npipeline:\n- standard-scaler: {}\n- kmeans: {k: 2, n-init: 10}\n");
        Path b = run("b", "name: x\nseed: 2\npipeline:\n- standard-scaler: {}\n- kmeans: {k: 3, n-init: 10}\n");
        Path c = run("c", "name: x\nseed: 1\npipeline:\n- standard-scaler: {}\n- kmeans: {k: 4, n-init: 10, tol: 0.1}\n");

        List<Map<String, String>> settings = ConfigDifferences.of(List.of(a, b, c));

        assertThat(settings.get(0)).containsExactly(Map.entry("seed", "1"), Map.entry("pipeline[1].kmeans.k", "2"),
                Map.entry("pipeline[1].kmeans.tol", ""));
        assertThat(settings.get(1)).containsEntry("seed", "2").containsEntry("pipeline[1].kmeans.k", "3");
        assertThat(settings.get(2)).containsEntry("pipeline[1].kmeans.tol", "0.1");
    }

    @Test
    void aFolderWithoutConfigIsNotARun() {
        assertThatThrownBy(() -> ConfigDifferences.of(List.of(work))).hasMessageContaining("has no config.yaml");
    }
}
