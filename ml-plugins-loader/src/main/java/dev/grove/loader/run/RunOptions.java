package dev.grove.loader.run;

import java.nio.file.Path;

/**
 * How to run an experiment, from the command line.
 *
 * @param outDir   put the run exactly here (null: {@code runsRoot/<name>/<timestamp>/})
 * @param runsRoot where runs go when {@code outDir} is null
 * @param threads  thread budget (0: all processors)
 * @param console  progress and status output
 */
public record RunOptions(Path outDir, Path runsRoot, int threads, Console console) {
}
