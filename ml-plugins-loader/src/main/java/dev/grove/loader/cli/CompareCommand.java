package dev.grove.loader.cli;

import dev.grove.loader.plugins.PluginDiscovery;
import dev.grove.loader.report.ComparisonPage;
import dev.grove.loader.report.ConfigDifferences;
import dev.grove.loader.report.RunReport;
import dev.grove.loader.modelio.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code grove compare RUN_DIR… [--out FILE] [--select METRIC]}: a page comparing finished runs,
 * one row per run with the settings that differ between their config.yaml files and their metrics,
 * the best run marked (chosen as a sweep chooses it), and each metric charted against each differing
 * setting.
 */
@Command(name = "compare", description = "Write a page comparing runs: settings that differ, metrics, the best run, charts.")
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0..*", arity = "2..*", paramLabel = "RUN_DIR", description = "Two or more run folders.")
    List<Path> runDirectories = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", defaultValue = ComparisonPage.FILE,
            description = "The page to write (default: ${DEFAULT-VALUE} in the working folder).")
    Path out;

    @Option(names = "--select", paramLabel = "METRIC[:max|:min]",
            description = "The metric that picks the best run (default: the first cv/ metric, else the first val/ one).")
    String select;

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PluginDiscovery.Result discovered = plugins.discover(spec.commandLine().getErr());
        SweepBest.checkRequest(select, discovered.catalog());
        List<Map<String, String>> settings;
        try {
            settings = ConfigDifferences.of(runDirectories);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cannot compare: " + e.getMessage());
        }
        Path page = out.toAbsolutePath().normalize();
        List<SweepTable.Row> rows = new ArrayList<>();
        List<ComparisonPage.Run> runs = new ArrayList<>();
        for (int i = 0; i < runDirectories.size(); i++) {
            Path dir = runDirectories.get(i);
            Map<String, Object> metrics = metrics(dir);
            rows.add(new SweepTable.Row(dir.toString(), List.of(), metrics));
            Path report = dir.toAbsolutePath().normalize().resolve(RunReport.FILE);
            String link = Files.isRegularFile(report) ? page.getParent().relativize(report).toString().replace('\\', '/') : null;
            runs.add(new ComparisonPage.Run(dir.toString(), link, settings.get(i), metrics));
        }
        Optional<SweepBest.Choice> best = SweepBest.choose(rows, select, discovered.catalog());
        ComparisonPage.write(page, "Comparison of " + runs.size() + " runs", runs,
                best.map(b -> new ComparisonPage.Best(b.index(), b.metric(), b.higherIsBetter())).orElse(null));
        spec.commandLine().getOut().println(page);
        spec.commandLine().getOut().flush();
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(Path dir) {
        Path file = dir.resolve("metrics.json");
        if (!Files.isRegularFile(file)) {
            throw new UsageException("cannot compare " + dir + ": it has no metrics.json (did the run finish?)");
        }
        try {
            Object parsed = StrictJson.read(Files.readString(file), file.toString());
            if (!(parsed instanceof Map<?, ?>)) {
                throw new UsageException(file + " does not hold a JSON object");
            }
            return (Map<String, Object>) parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cannot compare: " + e.getMessage());
        }
    }
}
