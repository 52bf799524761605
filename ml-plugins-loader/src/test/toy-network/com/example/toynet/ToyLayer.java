package com.example.toynet;

import java.util.List;

/** A toy layer: shapes and parameter counts only (the toy network trains a softmax regression). */
public interface ToyLayer {

    /** The component name. */
    String kind();

    /** The output shape for an input shape. */
    int[] outputShape(int[] input);

    /** Learned numbers for an input shape. */
    long parameters(int[] input);

    /** dense: flattens its input. */
    record Dense(int units) implements ToyLayer {
        @Override
        public String kind() {
            return "dense";
        }

        @Override
        public int[] outputShape(int[] input) {
            return new int[] {units};
        }

        @Override
        public long parameters(int[] input) {
            long in = 1;
            for (int d : input) {
                in *= d;
            }
            return (in + 1) * units;
        }
    }

    /** relu. */
    record Relu() implements ToyLayer {
        @Override
        public String kind() {
            return "relu";
        }

        @Override
        public int[] outputShape(int[] input) {
            return input.clone();
        }

        @Override
        public long parameters(int[] input) {
            return 0;
        }
    }

    /** sequential. */
    record Sequential(List<ToyLayer> layers) implements ToyLayer {
        @Override
        public String kind() {
            return "sequential";
        }

        @Override
        public int[] outputShape(int[] input) {
            int[] shape = input;
            for (ToyLayer layer : layers) {
                shape = layer.outputShape(shape);
            }
            return shape;
        }

        @Override
        public long parameters(int[] input) {
            long total = 0;
            int[] shape = input;
            for (ToyLayer layer : layers) {
                total += layer.parameters(shape);
                shape = layer.outputShape(shape);
            }
            return total;
        }
    }
}
