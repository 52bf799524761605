package dev.grove.api.run;

import dev.grove.tensor.Rng;
import dev.grove.tensor.ThreadBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a fit needs from its surroundings: seeded random streams, progress and history sinks, a
 * cancellation flag, the thread budget and the run directory. Embedders use
 * {@code RunContext.withSeed(42)}; the runtime builds a full one per run.
 *
 * <p>Random streams are derived from the seed and a scope path ({@code fold-2/logistic-regression/init}),
 * so a component's numbers never depend on what other components drew before it.
 */
public final class RunContext {

    /** The system property naming the data directory; it wins over {@link #DATA_DIRECTORY_VARIABLE}. */
    public static final String DATA_DIRECTORY_PROPERTY = "grove.data";
    /** The environment variable naming the data directory when {@link #DATA_DIRECTORY_PROPERTY} is unset. */
    public static final String DATA_DIRECTORY_VARIABLE = "GROVE_DATA";

    private final long seed;
    private final String scope;
    private final ProgressSink progress;
    private final HistorySink history;
    private final AtomicBoolean cancelled;
    private final int threads;
    private final Path runDirectory;
    private final Path baseDirectory;
    private final StateFiles stateFiles;
    private final boolean resuming;

    private RunContext(Builder b, String scope) {
        this.seed = b.seed;
        this.scope = scope;
        this.progress = b.progress;
        this.history = b.history;
        this.cancelled = b.cancelled;
        this.threads = b.threads;
        this.runDirectory = b.runDirectory;
        this.baseDirectory = b.baseDirectory;
        this.stateFiles = b.stateFiles;
        this.resuming = b.resuming;
    }

    /** A context with defaults: no progress or history output, all processors, no run directory. */
    public static RunContext withSeed(long seed) {
        return builder(seed).build();
    }

    /** Starts a context with {@code seed}. */
    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    /** The run's seed. */
    public long seed() {
        return seed;
    }

    /** The scope path of this context ("" at the top). */
    public String scope() {
        return scope;
    }

    /** A child context whose random streams and history rows are scoped under {@code name}. */
    public RunContext scoped(String name) {
        return new RunContext(toBuilder(), scope.isEmpty() ? name : scope + "/" + name);
    }

    /** A random stream for {@code purpose} in this scope; the same seed, scope and purpose give the same stream. */
    public Rng rng(String purpose) {
        return new Rng(seed).derive(scope.isEmpty() ? purpose : scope + "/" + purpose);
    }

    /** Where progress goes. */
    public ProgressSink progress() {
        return progress;
    }

    /** Records per-step figures under this context's scope. */
    public void recordHistory(int step, java.util.Map<String, Double> values) {
        history.record(scope, step, values);
    }

    /** Whether the run was asked to stop. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Asks the run to stop at the next check. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Throws {@link CancellationException} if the run was asked to stop; long loops call this each step. */
    public void checkCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("run cancelled");
        }
    }

    /** The thread budget for this run. */
    public int threads() {
        return threads;
    }

    /** The run directory, when the run writes one. */
    public Optional<Path> runDirectory() {
        return Optional.ofNullable(runDirectory);
    }

    /** How to read and write state files (checkpoints, {@code init-from} weights), when the run provides it. */
    public Optional<StateFiles> stateFiles() {
        return Optional.ofNullable(stateFiles);
    }

    /**
     * Whether this run continues an interrupted one in the same run directory: a training loop then
     * starts from its latest checkpoint there instead of from scratch.
     */
    public boolean isResuming() {
        return resuming;
    }

    /**
     * Resolves a data path: an absolute path as it is; a relative one against the working
     * directory, else against the base directory (the experiment file's folder), else against the
     * data directory ({@link #DATA_DIRECTORY_PROPERTY}, else {@link #DATA_DIRECTORY_VARIABLE}),
     * whichever first holds the file. When none does, the path as given, so that opening it fails;
     * {@link #pathCandidates(String)} names the places looked at for that error.
     */
    public Path resolvePath(String path) {
        List<Path> candidates = pathCandidates(path);
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    /**
     * The places {@link #resolvePath(String)} looks for {@code path}, in order: the path itself, then
     * for a relative path the base directory's and the data directory's copy (when those are set).
     * Sources name them in the error for a missing file.
     */
    public List<Path> pathCandidates(String path) {
        Path p = Path.of(path);
        List<Path> candidates = new ArrayList<>();
        candidates.add(p);
        if (!p.isAbsolute()) {
            if (baseDirectory != null) {
                candidates.add(baseDirectory.resolve(p));
            }
            dataDirectory().ifPresent(dir -> candidates.add(dir.resolve(p)));
        }
        return List.copyOf(candidates);
    }

    /**
     * The data directory where large data files live outside the repository: the system property
     * {@value #DATA_DIRECTORY_PROPERTY} if set and not blank, else the environment variable
     * {@value #DATA_DIRECTORY_VARIABLE}. Read on each call, so a property set at run time counts.
     */
    public static Optional<Path> dataDirectory() {
        String setting = System.getProperty(DATA_DIRECTORY_PROPERTY);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(DATA_DIRECTORY_VARIABLE);
        }
        return setting == null || setting.isBlank() ? Optional.empty() : Optional.of(Path.of(setting.strip()));
    }

    private Builder toBuilder() {
        Builder b = new Builder(seed);
        b.progress = progress;
        b.history = history;
        b.cancelled = cancelled;
        b.threads = threads;
        b.runDirectory = runDirectory;
        b.baseDirectory = baseDirectory;
        b.stateFiles = stateFiles;
        b.resuming = resuming;
        return b;
    }

    /** Builds a {@link RunContext}. */
    public static final class Builder {
        private final long seed;
        private ProgressSink progress = ProgressSink.NONE;
        private HistorySink history = HistorySink.NONE;
        private AtomicBoolean cancelled = new AtomicBoolean();
        private int threads = ThreadBudget.get();
        private Path runDirectory;
        private Path baseDirectory;
        private StateFiles stateFiles;
        private boolean resuming;

        private Builder(long seed) {
            this.seed = seed;
        }

        /** Where progress goes (default: nowhere). */
        public Builder progress(ProgressSink sink) {
            this.progress = Objects.requireNonNull(sink);
            return this;
        }

        /** Where history rows go (default: nowhere). */
        public Builder history(HistorySink sink) {
            this.history = Objects.requireNonNull(sink);
            return this;
        }

        /** The thread budget (default: the current {@link ThreadBudget}). */
        public Builder threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + n);
            }
            this.threads = n;
            return this;
        }

        /** The directory the run writes into. */
        public Builder runDirectory(Path dir) {
            this.runDirectory = dir;
            return this;
        }

        /** The folder relative data paths may also be resolved against (the experiment file's). */
        public Builder baseDirectory(Path dir) {
            this.baseDirectory = dir;
            return this;
        }

        /** How state files are read and written (default: not at all, so checkpointing is unavailable). */
        public Builder stateFiles(StateFiles files) {
            this.stateFiles = files;
            return this;
        }

        /** Whether the run continues from the latest checkpoint in its run directory (default false). */
        public Builder resuming(boolean resume) {
            this.resuming = resume;
            return this;
        }

        /** The context. */
        public RunContext build() {
            return new RunContext(this, "");
        }
    }
}
