package dev.grove.loader.run;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a finished run produced.
 *
 * @param directory the run directory
 * @param metrics   the contents of metrics.json
 */
public record RunResult(Path directory, Map<String, Object> metrics) {
}
