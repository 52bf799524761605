package dev.grove.loader.cli;

import dev.grove.loader.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grove report RUN_DIR}: draws the run's report.html again from the files in its folder,
 * without running anything (after an upgrade of Grove, or for a run whose report was deleted).
 */
@Command(name = "report", description = "Rebuild a run's report.html from the files in its folder.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, e.g. runs/NAME/TIMESTAMP.")
    Path runDirectory;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(runDirectory)) {
            throw new UsageException("cannot report on " + runDirectory + ": " + (Files.exists(runDirectory) ? "it is not a folder"
                    : "no such folder") + " (give a run folder, e.g. runs/NAME/TIMESTAMP)");
        }
        if (!Files.isRegularFile(runDirectory.resolve(RunCommand.CONFIG))) {
            throw new UsageException("cannot report on " + runDirectory + ": it has no " + RunCommand.CONFIG
                    + ", so it is not a run folder (for the runs of a sweep, use grove compare RUN_DIR...)");
        }
        spec.commandLine().getOut().println(RunReport.write(runDirectory));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
