package dev.grove.api.metric;

import java.util.List;

/** A metric's result: a number, or a matrix with row/column labels (a confusion matrix). */
public sealed interface MetricValue {

    /** A single number. */
    record Scalar(double value) implements MetricValue {
    }

    /** A matrix; rows are true classes and columns predicted ones for a confusion matrix. */
    record Matrix(double[][] values, List<String> labels) implements MetricValue {
        /** Copies the labels. */
        public Matrix {
            labels = List.copyOf(labels);
        }
    }

    /** Shorthand for a scalar. */
    static MetricValue of(double value) {
        return new Scalar(value);
    }
}
