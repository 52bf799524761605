package dev.grove.loader.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated experiment (DESIGN §4), ready to run.
 *
 * @param file     the experiment file (for messages and resolving relative data paths)
 * @param name     the run name
 * @param seed     the run seed
 * @param data     where the data comes from and how it is split
 * @param pipeline transformers then the final estimator, in order
 * @param evaluate cross-validation and metrics
 * @param resolved the whole configuration with overrides applied and every default filled in, as
 *                 nested maps and lists in file order: written to the run's config.yaml
 */
public record Experiment(Path file, String name, long seed, DataConfig data, List<ComponentRef> pipeline,
                         EvaluateConfig evaluate, Map<String, Object> resolved) {

    /**
     * The data section.
     *
     * @param source the data-source component with its params (all keys of {@code data} but
     *               {@code source} and {@code split})
     * @param split  how to split, or null to keep all rows for training
     */
    public record DataConfig(ComponentRef source, SplitConfig split) {
    }

    /**
     * {@code split: {test, val, stratify, shuffle}}; shares are fractions in [0, 1) or row counts.
     * Defaults: test 0.2 when the split is given without it, val 0, stratify true for
     * classification targets, shuffle true.
     */
    public record SplitConfig(double test, double validation, Boolean stratify, boolean shuffle) {
    }

    /**
     * The evaluate section.
     *
     * @param cv      cross-validation, or null for none
     * @param metrics metric components; empty means the defaults for the task
     */
    public record EvaluateConfig(CvConfig cv, List<ComponentRef> metrics) {
    }

    /** {@code cv: {folds, stratify, shuffle}}; defaults 5, true for classification, true. */
    public record CvConfig(int folds, Boolean stratify, boolean shuffle) {
    }
}
