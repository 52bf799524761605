package dev.grove.loader.cli;

import dev.grove.loader.config.ComponentRef;
import dev.grove.loader.config.Experiment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code grove validate FILE [key=value …]}: reports every problem of an experiment without running it. */
@Command(name = "validate", description = "Check an experiment file (and overrides) without running it.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment YAML file.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Overrides to check as well.")
    List<String> overrides = new ArrayList<>();

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Experiment experiment = plugins.parseExperiment(spec.commandLine().getErr(), file, overrides);
        List<String> steps = experiment.pipeline().stream().map(ComponentRef::name).toList();
        spec.commandLine().getOut().println(file + ": ok (experiment '" + experiment.name() + "': "
                + String.join(" → ", steps) + ")");
        return 0;
    }
}
