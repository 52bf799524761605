package dev.grove.loader.cli;

import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.model.Model;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.loader.config.ParamsBinder;
import dev.grove.loader.plugins.PluginDiscovery;
import dev.grove.loader.run.ModelStore;
import dev.grove.loader.run.Predictions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grove predict MODEL DATA.csv [--out FILE]}: predictions of a saved model for the rows of a
 * CSV file that has (at least) the model's feature columns; written as CSV (labels, and one
 * probability column per class for classifiers).
 */
@Command(name = "predict", description = "Predict with a saved model.grove for the rows of a CSV file.")
final class PredictCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.grove file.")
    Path model;

    @Parameters(index = "1", paramLabel = "DATA", description = "A CSV file with a header holding the model's feature columns.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write predictions here instead of standard output.")
    Path out;

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginDiscovery.Result discovered = plugins.discover(spec.commandLine().getErr());
        Model loaded = new ModelStore(discovered.catalog()).load(model);
        Component<?> csv = discovered.catalog().find(Kind.DATA_SOURCE, "csv")
                .orElseThrow(() -> new UsageException("the csv data source is not available (grove-core plugin missing)"))
                .component();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("path", data.toString());
        params.put("features", loaded.schema().featureNames());
        DataSource source = (DataSource) createUnchecked(csv,
                ParamsBinder.bindMap(discovered.catalog(), csv, params, "predict " + data));
        Dataset rows = source.load(RunContext.withSeed(0)).data();
        Predictions.write(out, loaded, rows, spec.commandLine().getOut());
        return 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object createUnchecked(Component component, Record params) {
        return component.create(params);
    }
}
