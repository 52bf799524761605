package dev.grove.neural.train;

import dev.grove.tensor.Tensor;
import dev.grove.tensor.storage.TensorStorage;

/**
 * Counts a batch's correct class predictions from the network's output: the largest of several
 * outputs per row (ties to the first, as {@code argmax}), or for a single output per row class 1
 * when the value exceeds the decision threshold. The output is read in place, not copied.
 */
final class CorrectPredictions {

    private CorrectPredictions() {
    }

    /**
     * The number of rows whose predicted class equals {@code labels[row]}.
     *
     * @param output    {@code [rows, classes]}, or {@code [rows]} / {@code [rows, 1]} for two classes
     * @param threshold the value a single output must exceed for class 1: 0.5 for a probability, 0 for a logit
     */
    static int count(Tensor output, float[] labels, int rows, float threshold) {
        float[] values = TensorStorage.data(output);
        int width = values.length / rows;
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            int predicted;
            if (width == 1) {
                predicted = values[r] > threshold ? 1 : 0;
            } else {
                int start = r * width;
                predicted = 0;
                for (int c = 1; c < width; c++) {
                    if (values[start + c] > values[start + predicted]) {
                        predicted = c;
                    }
                }
            }
            if (predicted == (int) labels[r]) {
                correct++;
            }
        }
        return correct;
    }
}
