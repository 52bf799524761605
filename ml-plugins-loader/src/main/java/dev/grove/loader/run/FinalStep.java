package dev.grove.loader.run;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Model;
import dev.grove.api.model.PipelineModel;
import dev.grove.api.model.Transformer;

/**
 * A fitted model's final estimator and the rows as it sees them: for a pipeline, its last model and
 * the data passed through every transformer step; for a single model, the model and the data as
 * given. Capabilities of the final model (its own figures, its files) are asked of it this way.
 *
 * @param model the final model
 * @param data  the rows it sees
 */
record FinalStep(Model model, Dataset data) {

    static FinalStep of(Model fitted, Dataset data) {
        if (!(fitted instanceof PipelineModel pipeline)) {
            return new FinalStep(fitted, data);
        }
        Dataset prepared = data;
        for (Transformer step : pipeline.steps()) {
            prepared = step.transform(prepared);
        }
        return new FinalStep(pipeline.last(), prepared);
    }

    /** The final model of {@code fitted}, without transforming any data. */
    static Model modelOf(Model fitted) {
        return fitted instanceof PipelineModel pipeline ? pipeline.last() : fitted;
    }
}
