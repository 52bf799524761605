package dev.grove.loader.run;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.grove.loader.config.Experiment;
import dev.grove.loader.plugins.ComponentCatalog;

/** Runs a parsed experiment: builds the run's Guice injector and executes the run it wires. */
public final class ExperimentRunner {

    private ExperimentRunner() {
    }

    /** Runs {@code experiment} with the components of {@code catalog}. */
    public static RunResult run(Experiment experiment, ComponentCatalog catalog, RunOptions options) {
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new RunModule(experiment, catalog, options));
        RunLog log = injector.getInstance(RunLog.class);
        try {
            RunResult result = injector.getInstance(ExperimentRun.class).execute();
            log.info("done: " + result.directory());
            return result;
        } catch (RuntimeException | Error e) {
            // The failure is reported on the line below a progress bar, not appended to it.
            options.console().bar("");
            log.detail("run failed: " + e);
            throw e;
        } finally {
            log.close();
        }
    }
}
