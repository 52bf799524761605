package dev.grove.neural.layer;

import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.List;

/** How a graph node combines several inputs: their sum, or their concatenation on the first sample axis. */
final class GraphMerge {

    private GraphMerge() {
    }

    /**
     * The shape the merge of {@code shapes} (the outputs of {@code inputs}) gives.
     *
     * @throws IllegalArgumentException if the shapes cannot be merged that way, naming the node and the inputs
     */
    static int[] shape(String node, String merge, List<String> inputs, List<int[]> shapes) {
        int[] first = shapes.get(0);
        if (shapes.size() == 1) {
            return first;
        }
        if (merge.equals("add")) {
            for (int i = 1; i < shapes.size(); i++) {
                if (!Arrays.equals(first, shapes.get(i))) {
                    throw new IllegalArgumentException("graph node '" + node + "' adds inputs " + describe(inputs, shapes)
                            + ", whose shapes differ; use merge: concat or make them equal");
                }
            }
            return first;
        }
        int[] merged = first.clone();
        for (int i = 1; i < shapes.size(); i++) {
            int[] shape = shapes.get(i);
            if (!Arrays.equals(Arrays.copyOfRange(first, 1, first.length), Arrays.copyOfRange(shape, 1, shape.length))) {
                throw new IllegalArgumentException("graph node '" + node + "' concatenates inputs " + describe(inputs, shapes)
                        + " on their first axis (channels or features); every other dimension must match");
            }
            merged[0] += shape[0];
        }
        return merged;
    }

    /** The merge of a batch of {@code values}, one per input, whose shapes {@link #shape} accepted. */
    static Tensor apply(String merge, Tensor[] values) {
        if (values.length == 1) {
            return values[0];
        }
        if (merge.equals("concat")) {
            return Tensor.concat(1, values);
        }
        Tensor sum = values[0];
        for (int i = 1; i < values.length; i++) {
            sum = sum.add(values[i]);
        }
        return sum;
    }

    private static String describe(List<String> inputs, List<int[]> shapes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(inputs.get(i)).append(' ').append(SampleShapes.str(shapes.get(i)));
        }
        return text.toString();
    }
}
