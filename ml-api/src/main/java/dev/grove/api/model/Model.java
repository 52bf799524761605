package dev.grove.api.model;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;

/**
 * A fitted model: immutable, safe to use for prediction from many threads, and aware of the schema
 * it was trained on. What it can do is said by capability interfaces ({@link Classifier},
 * {@link Regressor}, {@link Clusterer}, {@link Transformer}), never by "unsupported" exceptions.
 */
public interface Model {

    /** The schema of the data this model was fitted on. */
    Schema schema();

    /** The learned numbers, to be saved and handed back to the component's restorer. */
    ModelState state();

    /**
     * Checks that {@code data} has the columns this model was trained on, in the same order.
     *
     * @throws IllegalArgumentException naming the first mismatching column
     */
    default void checkColumns(Dataset data) {
        var expected = schema().featureNames();
        var actual = data.schema().featureNames();
        if (!expected.equals(actual)) {
            for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
                String e = i < expected.size() ? expected.get(i) : "(none)";
                String a = i < actual.size() ? actual.get(i) : "(none)";
                if (!e.equals(a)) {
                    throw new IllegalArgumentException("prediction data does not match the model: column " + (i + 1)
                            + " is '" + a + "' but the model was trained with '" + e + "' (expected columns " + expected + ")");
                }
            }
        }
    }
}
