package dev.grove.loader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes the resolved experiment (overrides applied, defaults filled) as the run's config.yaml, which
 * parses back to the same experiment ({@code grove run --resume} runs it again).
 */
final class ConfigYaml {

    private ConfigYaml() {
    }

    static void write(Path file, Map<String, Object> resolved) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        // Never anchors and aliases for values that happen to be one instance (two empty lists):
        // experiment files refuse them, and a resumed run reads this file back.
        options.setDereferenceAliases(true);
        String yaml = "# Resolved by grove: overrides applied and every default filled in.\n"
                + new Yaml(options).dump(resolved);
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
