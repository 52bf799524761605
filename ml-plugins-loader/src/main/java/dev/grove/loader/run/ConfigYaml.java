package dev.grove.loader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes the resolved experiment (overrides applied, defaults filled) as the run's config.yaml. */
final class ConfigYaml {

    private ConfigYaml() {
    }

    static void write(Path file, Map<String, Object> resolved) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        String yaml = "# Resolved by grove: overrides applied and every default filled in.\n"
                + new Yaml(options).dump(resolved);
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
