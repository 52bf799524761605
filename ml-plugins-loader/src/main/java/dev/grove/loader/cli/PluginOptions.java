package dev.grove.loader.cli;

import dev.grove.loader.config.Experiment;
import dev.grove.loader.config.ExperimentParser;
import dev.grove.loader.plugins.PluginDiscovery;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --plugins DIR} option shared by every command that needs components. */
final class PluginOptions {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "A folder of extra plugin jars (repeatable); they load into their own module layer.")
    List<Path> dirs = new ArrayList<>();

    /** Discovers plugins, printing any warnings. */
    PluginDiscovery.Result discover(PrintWriter err) {
        PluginDiscovery.Result result = PluginDiscovery.discover(dirs);
        result.warnings().forEach(w -> err.println("grove: warning: " + w));
        return result;
    }

    /**
     * Discovers plugins, printing any warnings, and parses the experiment {@code file} with
     * {@code overrides} against their components: the start of every command that reads an experiment.
     */
    Experiment parseExperiment(PrintWriter err, Path file, List<String> overrides) {
        return new ExperimentParser(discover(err).catalog()).parse(file, overrides);
    }
}
