package dev.grove.neural.network;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.train.TestSequence;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Minimal layer specs written against the {@link Layer} contract only, so the estimator tests do not
 * depend on the layer package's implementations: dense (weight [in, out], bias [out]), conv2d
 * (weight [filters, channels, k, k], bias [filters], valid padding, stride 1), max-pool2d, flatten,
 * relu, and a sequential container naming its children {@code <kind>-<n>} per kind from 1.
 */
final class TestLayers {

    private TestLayers() {
    }

    static LayerSpec sequential(LayerSpec... layers) {
        return spec("sequential", (shape, rng) -> {
            List<Layer.Child> children = new ArrayList<>();
            Map<String, Integer> counts = new HashMap<>();
            int[] current = shape;
            for (LayerSpec layer : layers) {
                Layer built = layer.build(current, rng.derive("child-" + children.size()));
                children.add(new Layer.Child(layer.kind() + "-" + counts.merge(layer.kind(), 1, Integer::sum), built));
                current = built.outputShape();
            }
            return new Container(shape, current, children);
        });
    }

    /** A dense layer whose final activation is {@code activation} (linear, relu, sigmoid or softmax). */
    static LayerSpec dense(int units, String activation) {
        return spec("dense", (shape, rng) -> {
            if (shape.length != 1) {
                throw new IllegalArgumentException("test dense needs flat input, got " + Arrays.toString(shape));
            }
            float bound = (float) Math.sqrt(6.0 / (shape[0] + units));
            Parameter weight = new Parameter("weight", Tensor.uniform(rng, -bound, bound, shape[0], units));
            Parameter bias = new Parameter("bias", Tensor.zeros(units));
            return new Plain("dense", shape, new int[] {units}, List.of(weight, bias), activation,
                    x -> x.matmul(weight.value()).add(bias.value()));
        });
    }

    /** A 3x3 valid convolution with relu. */
    static LayerSpec conv(int filters) {
        return spec("conv2d", (shape, rng) -> {
            int channels = shape[0];
            float bound = (float) Math.sqrt(6.0 / (9 * (channels + filters)));
            Parameter weight = new Parameter("weight", Tensor.uniform(rng, -bound, bound, filters, channels, 3, 3));
            Parameter bias = new Parameter("bias", Tensor.zeros(filters));
            return new Plain("conv2d", shape, new int[] {filters, shape[1] - 2, shape[2] - 2}, List.of(weight, bias), "relu",
                    x -> x.conv2d(weight.value(), bias.value(), 1, 0));
        });
    }

    static LayerSpec maxPool(int size) {
        return spec("max-pool2d", (shape, rng) -> new Plain("max-pool2d", shape,
                new int[] {shape[0], shape[1] / size, shape[2] / size}, List.of(), "linear", x -> x.maxPool2d(size, size, 0)));
    }

    static LayerSpec flatten() {
        return spec("flatten", (shape, rng) -> {
            int size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            return new Plain("flatten", shape, new int[] {size}, List.of(), "linear", x -> x.reshape(x.dim(0), size));
        });
    }

    static LayerSpec relu() {
        return spec("relu", (shape, rng) -> new Plain("relu", shape, shape, List.of(), "linear", Tensor::relu));
    }

    private interface Builder {
        Layer build(int[] shape, Rng rng);
    }

    private static LayerSpec spec(String kind, Builder builder) {
        return new LayerSpec() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Layer build(int[] inputShape, Rng rng) {
                return builder.build(inputShape, rng);
            }
        };
    }

    /** A layer computing {@code activation(linear(x))}. */
    private record Plain(String kind, int[] inputShape, int[] outputShape, List<Parameter> parameters, String finalActivation,
                         UnaryOperator<Tensor> linear) implements Layer {

        @Override
        public Tensor forward(Tensor input, Pass pass) {
            Tensor z = linear.apply(input);
            return switch (finalActivation) {
                case "relu" -> z.relu();
                case "sigmoid" -> z.sigmoid();
                case "softmax" -> z.softmax(1);
                default -> z;
            };
        }

        @Override
        public Tensor forwardBeforeActivation(Tensor input, Pass pass) {
            return linear.apply(input);
        }
    }

    /** Children applied in order. */
    private record Container(int[] inputShape, int[] outputShape, List<Child> children) implements TestSequence {

        @Override
        public String kind() {
            return "sequential";
        }
    }
}
