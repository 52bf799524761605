package dev.grove.classical.internal;

import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;

/** Checks shared by the restorers of saved classical models; each failure names what was wrong. */
public final class StateChecks {

    private StateChecks() {
    }

    /** The number of classes of {@code schema}, which must be a classification schema. */
    public static int classCount(String component, Schema schema) {
        if (!schema.isClassification()) {
            throw new IllegalArgumentException(component + ": cannot restore a classifier for a schema without class labels");
        }
        return schema.classLabels().size();
    }

    /**
     * The rows of a linear classifier's weights for the schema's classes: one for two classes (the
     * second class's score), one per class otherwise.
     *
     * @throws IllegalArgumentException for a schema without labels or with fewer than two classes
     */
    public static int linearClassifierRows(String component, Schema schema) {
        int classes = classCount(component, schema);
        if (classes < 2) {
            throw new IllegalArgumentException(component + ": cannot restore a model over fewer than 2 classes "
                    + schema.classLabels());
        }
        return classes == 2 ? 1 : classes;
    }

    /** Throws unless every value of array {@code name} is finite. */
    public static double[] finite(String component, String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(component + ": model state array '" + name + "' holds " + values[i]
                        + " at index " + i + "; expected finite numbers");
            }
        }
        return values;
    }

    /** Attribute {@code name} as a whole number ≥ 0. */
    public static int count(String component, ModelState state, String name) {
        String text = state.attribute(name);
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below together with negative values.
        }
        throw new IllegalArgumentException(component + ": model state attribute '" + name + "' is '" + text
                + "'; expected a whole number >= 0");
    }

    /** Attribute {@code name} as {@code true} or {@code false}. */
    public static boolean flag(String component, ModelState state, String name) {
        String text = state.attribute(name);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException(component + ": model state attribute '" + name + "' is '" + text
                    + "'; expected true or false");
        }
        return text.equals("true");
    }

    /** Attribute {@code name} as a finite number ≥ 0. */
    public static double nonNegative(String component, ModelState state, String name) {
        String text = state.attribute(name);
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value) && value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below together with negative and non-finite values.
        }
        throw new IllegalArgumentException(component + ": model state attribute '" + name + "' is '" + text
                + "'; expected a finite number >= 0");
    }
}
