package dev.grove.classical.svm;

import dev.grove.api.data.Dataset;
import dev.grove.classical.internal.Inputs;
import java.util.stream.IntStream;

/** The classes that have training rows, which the support vector machines learn to tell apart. */
final class PresentClasses {

    private PresentClasses() {
    }

    /**
     * The schema indices of the classes with rows in {@code labels}, ascending.
     *
     * @throws IllegalArgumentException naming the class if all rows belong to one
     */
    static int[] of(String component, Dataset data, int[] labels) {
        int[] counts = Inputs.classCounts(labels, data.schema().classLabels().size());
        int[] classes = IntStream.range(0, counts.length).filter(c -> counts[c] > 0).toArray();
        if (classes.length < 2) {
            throw new IllegalArgumentException(component + " needs rows of at least 2 classes to fit, but all " + labels.length
                    + " rows are class '" + data.schema().classLabels().get(labels[0]) + "'");
        }
        return classes;
    }

    /** The row indices of each of {@code classes}, in class order; rows keep their order within a class. */
    static int[][] members(int[] classes, int[] labels, int classCount) {
        int[] positionOfClass = new int[classCount];
        int[] counts = Inputs.classCounts(labels, classCount);
        int[][] members = new int[classes.length][];
        for (int a = 0; a < classes.length; a++) {
            members[a] = new int[counts[classes[a]]];
            positionOfClass[classes[a]] = a;
        }
        int[] filled = new int[classes.length];
        for (int r = 0; r < labels.length; r++) {
            int a = positionOfClass[labels[r]];
            members[a][filled[a]++] = r;
        }
        return members;
    }
}
