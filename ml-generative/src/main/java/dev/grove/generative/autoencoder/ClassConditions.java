package dev.grove.generative.autoencoder;

import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The classes a conditional model generates from: their labels (class i is label i of the training
 * data's schema), one-hot rows for a batch of class indices, and the errors for a class the model
 * does not know or a condition that is missing or not wanted.
 */
final class ClassConditions {

    private final String component;
    private final List<String> labels;

    /** The classes {@code labels} of {@code component}; none for an unconditional model. */
    ClassConditions(String component, List<String> labels) {
        this.component = component;
        this.labels = List.copyOf(labels);
    }

    /** Whether the model is conditional (has classes). */
    boolean isConditional() {
        return !labels.isEmpty();
    }

    /** The number of classes (0 for an unconditional model). */
    int count() {
        return labels.size();
    }

    /** The class labels, in class order. */
    List<String> labels() {
        return labels;
    }

    /**
     * The index of the class labelled {@code label}.
     *
     * @throws IllegalArgumentException naming the label and the known ones
     */
    int index(String label) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException(component + ": unknown class '" + label + "'; the model knows " + labels);
        }
        return index;
    }

    /**
     * The one-hot rows {@code [n, classes]} of {@code classes} (n of them), or null for an
     * unconditional model, after checking the condition fits the model.
     *
     * @throws IllegalArgumentException when a conditional model gets no classes or another number
     *                                  than n, a class index is not one the model knows, or an
     *                                  unconditional model gets classes
     */
    Tensor oneHot(int[] classes, int n) {
        if (!isConditional()) {
            if (classes != null) {
                throw new IllegalArgumentException(component + ": this model is not conditional; give no classes");
            }
            return null;
        }
        if (classes == null) {
            throw new IllegalArgumentException(component + ": this model is conditional: give the class of each of the " + n
                    + " images (class indices into " + labels + ")");
        }
        if (classes.length != n) {
            throw new IllegalArgumentException(component + ": " + classes.length + " classes given for " + n + " images;"
                    + " give one class per image");
        }
        float[] rows = new float[n * labels.size()];
        for (int i = 0; i < n; i++) {
            int c = classes[i];
            if (c < 0 || c >= labels.size()) {
                throw new IllegalArgumentException(component + ": unknown class " + c + " for image " + i
                        + "; the model knows classes 0 to " + (labels.size() - 1) + " " + labels);
            }
            rows[i * labels.size() + c] = 1f;
        }
        return Tensor.of(rows, n, labels.size());
    }

    /** {@code count} copies of class {@code index}. */
    static int[] repeated(int index, int count) {
        int[] classes = new int[count];
        Arrays.fill(classes, index);
        return classes;
    }
}
