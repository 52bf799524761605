package dev.grove.api.model;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Transformers followed by a final estimator, itself an estimator. Each transformer is fitted on the
 * rows handed to {@link #fit} only — inside cross-validation that is the fold's training rows — so
 * validation and test data never inform preprocessing.
 */
public final class Pipeline implements Estimator<Model> {

    private final List<Estimator<? extends Transformer>> transformers;
    private final Estimator<?> last;

    /** A pipeline of {@code transformers} (possibly none) then {@code last}. */
    public Pipeline(List<? extends Estimator<? extends Transformer>> transformers, Estimator<?> last) {
        this.transformers = List.copyOf(transformers);
        this.last = last;
    }

    @Override
    public Model fit(Dataset data, RunContext context) {
        return fit(data, null, context);
    }

    /**
     * Fits the transformers on {@code data} in turn and the final estimator on what they make of it,
     * handing that estimator {@code validation} (if not null) transformed by the transformers fitted
     * on {@code data} — never fitted on it — so a network after a scaler still watches its
     * validation rows.
     */
    @Override
    public Model fit(Dataset data, Dataset validation, RunContext context) {
        List<Transformer> fitted = new ArrayList<>();
        Dataset current = data;
        Dataset currentValidation = validation;
        for (int i = 0; i < transformers.size(); i++) {
            Transformer t = transformers.get(i).fit(current, context.scoped("step-" + i));
            fitted.add(t);
            current = t.transform(current);
            currentValidation = currentValidation == null ? null : t.transform(currentValidation);
        }
        Model model = last.fit(current, currentValidation, context.scoped("step-" + transformers.size()));
        return transformers.isEmpty() ? model : PipelineModel.of(fitted, model, data.schema());
    }
}
