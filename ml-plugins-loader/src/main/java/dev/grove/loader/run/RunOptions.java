package dev.grove.loader.run;

import java.nio.file.Path;

/**
 * How to run an experiment, from the command line.
 *
 * @param outDir   put the run exactly here (null: {@code runsRoot/<name>/<timestamp>/})
 * @param runsRoot where runs go when {@code outDir} is null
 * @param threads  thread budget (0: all processors)
 * @param console  progress and status output
 * @param resume   whether the run continues an interrupted one in {@code outDir}: training starts
 *                 from its latest checkpoint there, run.log and history.csv are continued, and the
 *                 other outputs are rewritten
 */
public record RunOptions(Path outDir, Path runsRoot, int threads, Console console, boolean resume) {

    /** Checks that a resumed run names its folder. */
    public RunOptions {
        if (resume && outDir == null) {
            throw new IllegalArgumentException("a resumed run continues in the folder it ran in; give that folder as outDir");
        }
    }
}
