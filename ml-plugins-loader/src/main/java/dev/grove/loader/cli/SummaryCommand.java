package dev.grove.loader.cli;

import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Summarized;
import dev.grove.api.model.Summary;
import dev.grove.api.model.Transformer;
import dev.grove.api.run.RunContext;
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

/**
 * {@code grove summary FILE [key=value …]}: the structure of the experiment's network, Keras-style
 * (layer, output shape, parameters, totals), for the data the experiment loads: its sample shape
 * and classes decide the input and output sizes. Nothing is trained; transformers before the
 * network are fitted on the data so the network sees the features they produce.
 */
@Command(name = "summary", description = "Show the layers of an experiment's network: output shapes and parameter counts.")
final class SummaryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment YAML file.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "Overrides, e.g. model.sequential[0].units=64")
    List<String> overrides = new ArrayList<>();

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Experiment experiment = plugins.parseExperiment(spec.commandLine().getErr(), file, overrides);
        List<ComponentRef> steps = experiment.pipeline();
        ComponentRef last = steps.get(steps.size() - 1);
        if (!(last.create() instanceof Summarized summarized)) {
            throw new UsageException("'" + last.name() + "' has no layers to summarise; grove summary shows networks"
                    + " (an experiment with a model: section)");
        }
        RunContext context = RunContext.builder(experiment.seed())
                .baseDirectory(file.toAbsolutePath().getParent())
                .build();
        Dataset data = ((DataSource) experiment.data().source().create()).load(context.scoped("data")).data();
        for (int i = 0; i < steps.size() - 1; i++) {
            // The parser admits only transformers before the last step, whose estimators fit Transformers.
            Transformer fitted = (Transformer) ((Estimator<?>) steps.get(i).create()).fit(data, context.scoped("step-" + i));
            data = fitted.transform(data);
        }
        Summary summary;
        try {
            summary = summarized.summary(data.schema());
        } catch (IllegalArgumentException e) {
            throw new UsageException("the model does not fit the data (samples of shape " + data.schema().sampleShape()
                    + "): " + e.getMessage());
        }
        spec.commandLine().getOut().print(SummaryTable.format(summary));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
