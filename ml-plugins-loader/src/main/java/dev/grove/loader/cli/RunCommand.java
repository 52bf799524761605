package dev.grove.loader.cli;

import dev.grove.loader.config.Experiment;
import dev.grove.loader.config.ExperimentParser;
import dev.grove.loader.config.SweepExpander;
import dev.grove.loader.plugins.PluginDiscovery;
import dev.grove.loader.report.ComparisonPage;
import dev.grove.loader.report.RunReport;
import dev.grove.loader.run.Console;
import dev.grove.loader.run.ExperimentRunner;
import dev.grove.loader.run.RunOptions;
import dev.grove.loader.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grove run FILE [key=value …] [-m key=v1,v2 …]}: runs an experiment, or a sweep of them. A
 * sweep is a grid search: each run fits its setting on all training rows after its own evaluation,
 * and the best run's model is copied to the sweep's folder as {@value #BEST_MODEL}; the runs are
 * compared in sweep.csv, sweep.md and a page, {@value ComparisonPage#FILE}.
 * {@code grove run --resume RUN_DIR} runs RUN_DIR's config.yaml again in RUN_DIR, continuing an
 * interrupted training from its latest checkpoint there.
 */
@Command(name = "run", description = "Run an experiment file; key=value arguments override its settings.")
final class RunCommand implements Callable<Integer> {

    /** The best run's model, at the root of a sweep's folder. */
    static final String BEST_MODEL = "best-model.grove";
    /** The resolved experiment a run writes first, and a resumed run reads. */
    static final String CONFIG = "config.yaml";

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The experiment YAML file.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "KEY=VALUE",
            description = "Overrides, e.g. seed=7 evaluate.cv.folds=3 pipeline[1].c=0.1")
    List<String> overrides = new ArrayList<>();

    @Option(names = {"-m", "--multirun"}, paramLabel = "KEY=V1,V2",
            description = "Sweep: run every combination of these values (repeatable).")
    List<String> sweeps = new ArrayList<>();

    @Option(names = "--select", paramLabel = "METRIC[:max|:min]",
            description = "Sweep: the metric that picks the best run (default: the first cv/ metric, else the first val/ one).")
    String select;

    @Option(names = "--out", paramLabel = "DIR", description = "Write the run exactly into DIR (a sweep: one sub-folder per run).")
    Path out;

    @Option(names = "--runs", paramLabel = "DIR", defaultValue = "runs",
            description = "Where runs go without --out (default: ${DEFAULT-VALUE}).")
    Path runsRoot;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Thread budget (default: all processors).")
    int threads;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue an interrupted run in RUN_DIR from its latest checkpoint (runs RUN_DIR/config.yaml again).")
    Path resume;

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (threads < 0) {
            throw new UsageException("--threads must be at least 1, got " + threads);
        }
        if (threads > 0) {
            dev.grove.tensor.ThreadBudget.set(threads);
        }
        if (resume != null) {
            checkResumable();
        } else if (file == null) {
            throw new UsageException("give the experiment FILE to run, or --resume RUN_DIR to continue a run");
        }
        PluginDiscovery.Result discovered = plugins.discover(spec.commandLine().getErr());
        ExperimentParser parser = new ExperimentParser(discovered.catalog());
        Console console = Console.standard();
        if (sweeps.isEmpty() && select != null) {
            throw new UsageException("--select picks the best run of a sweep; give the swept values with -m KEY=V1,V2");
        }
        if (resume != null) {
            Experiment experiment = parser.parse(resume.resolve(CONFIG));
            RunResult result = ExperimentRunner.run(experiment, discovered.catalog(),
                    new RunOptions(resume, runsRoot, threads, console, true));
            spec.commandLine().getOut().println(result.directory());
            return 0;
        }
        if (sweeps.isEmpty()) {
            Experiment experiment = parser.parse(file, overrides);
            RunResult result = ExperimentRunner.run(experiment, discovered.catalog(),
                    new RunOptions(out, runsRoot, threads, console, false));
            spec.commandLine().getOut().println(result.directory());
            return 0;
        }
        SweepBest.checkRequest(select, discovered.catalog());
        List<List<String>> combinations = SweepExpander.expand(sweeps);
        // Validate every combination before running any, so a typo does not surface after hours of work.
        List<Experiment> experiments = new ArrayList<>();
        for (List<String> combination : combinations) {
            List<String> all = new ArrayList<>(overrides);
            all.addAll(combination);
            experiments.add(parser.parse(file, all));
        }
        Path root = out != null ? out : runsRoot.resolve(experiments.get(0).name())
                .resolve("sweep-" + java.time.LocalDateTime.now().format(
                        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<SweepTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < experiments.size(); i++) {
            console.line("sweep run " + (i + 1) + "/" + experiments.size() + ": " + String.join(" ", combinations.get(i)));
            Path dir = root.resolve(String.format("run-%03d", i + 1));
            RunResult result = ExperimentRunner.run(experiments.get(i), discovered.catalog(),
                    new RunOptions(dir, runsRoot, threads, console, false));
            rows.add(new SweepTable.Row(dir.getFileName().toString(), combinations.get(i), result.metrics()));
        }
        Optional<SweepBest.Choice> best;
        try {
            best = SweepBest.choose(rows, select, discovered.catalog());
        } catch (UsageException e) {
            // The runs are done: keep their comparison even though no best one can be named.
            SweepTable.write(root, rows, Optional.empty());
            writeComparisonPage(root, experiments.get(0).name(), rows, Optional.empty(), console);
            throw e;
        }
        SweepTable.write(root, rows, best);
        writeComparisonPage(root, experiments.get(0).name(), rows, best, console);
        if (best.isPresent()) {
            copyBestModel(root.resolve(rows.get(best.get().index()).run()), root);
            console.line(SweepTable.summary(rows, best.get()));
        } else {
            console.line("no cv/ or val/ metric to pick the best run by; --select METRIC picks one (e.g. train/silhouette)");
        }
        spec.commandLine().getOut().println(root);
        return 0;
    }

    /**
     * A resumed run takes everything from its folder: no file, overrides, sweep or --out beside it,
     * and the folder must hold the config.yaml the run wrote.
     */
    private void checkResumable() {
        if (file != null || !overrides.isEmpty() || !sweeps.isEmpty() || out != null) {
            throw new UsageException("--resume RUN_DIR runs RUN_DIR/" + CONFIG + " again as it is, in RUN_DIR;"
                    + " give no experiment file, overrides, -m or --out with it");
        }
        if (!Files.isDirectory(resume)) {
            throw new UsageException("cannot resume " + resume + ": " + (Files.exists(resume) ? "it is not a folder"
                    : "no such folder") + " (give the folder of the run to continue, e.g. runs/NAME/TIMESTAMP)");
        }
        if (!Files.isRegularFile(resume.resolve(CONFIG))) {
            throw new UsageException("cannot resume " + resume + ": it has no " + CONFIG + ", so it is not a run folder"
                    + " (grove run writes " + CONFIG + " first in every run folder)");
        }
    }

    /**
     * Writes the sweep's comparison page. A page that cannot be drawn is a warning: the runs, their
     * table and the best model stand.
     */
    private static void writeComparisonPage(Path root, String name, List<SweepTable.Row> rows, Optional<SweepBest.Choice> best,
                                            Console console) {
        List<ComparisonPage.Run> runs = new ArrayList<>();
        for (SweepTable.Row row : rows) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String override : row.overrides()) {
                int equals = override.indexOf('=');
                settings.put(override.substring(0, equals), override.substring(equals + 1));
            }
            runs.add(new ComparisonPage.Run(row.run(), row.run() + "/" + RunReport.FILE, settings, row.metrics()));
        }
        try {
            ComparisonPage.write(root.resolve(ComparisonPage.FILE), name + " sweep", runs,
                    best.map(b -> new ComparisonPage.Best(b.index(), b.metric(), b.higherIsBetter())).orElse(null));
        } catch (RuntimeException e) {
            console.line("warning: could not write the sweep's " + ComparisonPage.FILE + ": " + e);
        }
    }

    private static void copyBestModel(Path runDirectory, Path root) {
        try {
            Files.copy(runDirectory.resolve("model.grove"), root.resolve(BEST_MODEL), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the best run's model to " + root.resolve(BEST_MODEL), e);
        }
    }
}
