package dev.grove.loader.run;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Names;
import dev.grove.api.metric.Metric;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.loader.config.ComponentRef;
import dev.grove.loader.config.Experiment;
import dev.grove.loader.modelio.StateFileStore;
import dev.grove.loader.plugins.ComponentCatalog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object graph of one run: the experiment, its folder, log, sinks and run context (with state
 * files for checkpoints, and whether the run resumes), the
 * component registries as map bindings keyed by component name (one map per kind), and the
 * metrics the experiment asked for.
 */
final class RunModule extends AbstractModule {

    private final Experiment experiment;
    private final ComponentCatalog catalog;
    private final RunOptions options;

    RunModule(Experiment experiment, ComponentCatalog catalog, RunOptions options) {
        this.experiment = experiment;
        this.catalog = catalog;
        this.options = options;
    }

    @Override
    protected void configure() {
        bind(Experiment.class).toInstance(experiment);
        bind(ComponentCatalog.class).toInstance(catalog);
        bind(RunOptions.class).toInstance(options);
        bind(Console.class).toInstance(options.console());
        bind(ModelStore.class).in(Singleton.class);
        for (Kind kind : Kind.values()) {
            MapBinder<String, Component<?>> registry = MapBinder.newMapBinder(binder(),
                    new TypeLiteral<String>() { }, new TypeLiteral<Component<?>>() { }, Names.named(kind.label()));
            for (String name : catalog.names(kind)) {
                registry.addBinding(name).toInstance(catalog.find(kind, name).orElseThrow().component());
            }
        }
    }

    @Provides
    @Singleton
    RunDirectory runDirectory() {
        return RunDirectory.create(options, experiment.name());
    }

    @Provides
    @Singleton
    RunLog runLog(RunDirectory directory, Console console) {
        return new RunLog(directory.path().resolve("run.log"), console, options.resume());
    }

    @Provides
    @Singleton
    HistoryFile history(RunDirectory directory) {
        return new HistoryFile(directory.path().resolve("history.csv"), options.resume());
    }

    @Provides
    @Singleton
    RunContext runContext(RunDirectory directory, HistoryFile history, Console console) {
        Path base = experiment.file() == null ? null : experiment.file().toAbsolutePath().getParent();
        RunContext.Builder b = RunContext.builder(experiment.seed())
                .progress(new ProgressReporter(console))
                .history(history)
                .runDirectory(directory.path())
                .baseDirectory(base)
                .stateFiles(new StateFileStore())
                .resuming(options.resume());
        if (options.threads() > 0) {
            b.threads(options.threads());
        }
        return b.build();
    }

    /** The experiment's metrics, or when it names none the defaults, chosen by what the model is. */
    @Provides
    @Singleton
    Evaluator evaluator(@com.google.inject.name.Named("metric") Map<String, Component<?>> metricRegistry) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        List<ComponentRef> named = experiment.evaluate().metrics();
        if (!named.isEmpty()) {
            for (ComponentRef ref : named) {
                metrics.put(ref.name(), (Metric) ref.create());
            }
            return new Evaluator(metrics, false);
        }
        for (String name : DefaultMetrics.NAMES) {
            Component<?> c = metricRegistry.get(name);
            if (c != null) {
                metrics.put(name, (Metric) new ComponentRef(c, new dev.grove.api.spi.NoParams(), Map.of()).create());
            }
        }
        return new Evaluator(metrics, true);
    }
}
