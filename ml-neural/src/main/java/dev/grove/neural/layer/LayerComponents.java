package dev.grove.neural.layer;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.spi.NoParams;
import dev.grove.api.spi.Registry;

/** Registers the neural family's layers, activations and blocks. */
public final class LayerComponents {

    private LayerComponents() {
    }

    /** Adds the components to {@code registry}. */
    public static void register(Registry registry) {
        registry.register(Component.of(Kind.LAYER, DenseSpec.KIND, DenseParams.class, DenseSpec::new,
                "Fully connected layer on the last axis of each sample: activation(x.W + b); units default to the number of classes"));
        registry.register(Component.of(Kind.LAYER, Conv2dSpec.KIND, Conv2dParams.class, Conv2dSpec::new,
                "2-D convolution of [channels, height, width] images with square kernels, then an activation"));
        registry.register(Component.of(Kind.LAYER, Pool2dSpec.MAX, Pool2dParams.class, Pool2dSpec::max,
                "Max pooling: the largest value of each window of every channel"));
        registry.register(Component.of(Kind.LAYER, Pool2dSpec.AVG, Pool2dParams.class, Pool2dSpec::avg,
                "Average pooling: the mean value of each window of every channel"));
        registry.register(Component.of(Kind.LAYER, FlattenSpec.KIND, NoParams.class, p -> new FlattenSpec(),
                "Flattens each sample to [values], e.g. [64, 4, 4] to [1024]"));
        registry.register(Component.of(Kind.LAYER, ReshapeSpec.KIND, ReshapeParams.class, ReshapeSpec::new,
                "Views each sample with another shape of as many values, e.g. [1568] as [32, 7, 7]"));
        registry.register(Component.of(Kind.LAYER, Upsample2dSpec.KIND, Upsample2dParams.class, Upsample2dSpec::new,
                "Nearest-neighbour upsampling of [channels, height, width] images: each pixel becomes a size x size block"));
        registry.register(Component.of(Kind.LAYER, DropoutSpec.KIND, DropoutParams.class, DropoutSpec::new,
                "Inverted dropout: zeroes values with probability p in training and scales the rest by 1/(1-p)"));
        registry.register(Component.of(Kind.LAYER, BatchNormSpec.KIND, BatchNormParams.class, BatchNormSpec::new,
                "Batch normalisation per feature (flat input) or per channel (images), with running statistics"));
        registry.register(Component.of(Kind.LAYER, LayerNormSpec.KIND, LayerNormParams.class, LayerNormSpec::new,
                "Layer normalisation of each sample over its last axis"));
        registerActivations(registry);
        registry.register(Component.of(Kind.LAYER, SequentialSpec.KIND, SequentialParams.class, SequentialSpec::new,
                "Layers applied in order; children are named <kind>-<n> (conv2d-1, conv2d-2, ...)"));
        registry.register(Component.of(Kind.LAYER, ResidualSpec.KIND, ResidualParams.class, ResidualSpec::new,
                "Residual block: activation(F(x) + x), with a learned 1x1 projection of x when F changes the shape"));
        registry.register(Component.of(Kind.LAYER, InceptionSpec.KIND, InceptionParams.class, InceptionSpec::new,
                "GoogLeNet inception block: 1x1, 3x3 and 5x5 convolution and pooling branches concatenated on channels"));
        registry.register(Component.of(Kind.LAYER, GraphSpec.KIND, GraphParams.class, GraphSpec::new,
                "A small directed acyclic graph of named layers whose inputs are added or concatenated"));
    }

    private static void registerActivations(Registry registry) {
        activation(registry, "relu", "Rectified linear unit: max(x, 0)");
        activation(registry, "sigmoid", "Logistic sigmoid: 1 / (1 + e^-x)");
        activation(registry, "tanh", "Hyperbolic tangent");
        activation(registry, "softmax", "Softmax over the last axis; cross-entropy takes the values before it");
        registry.register(Component.of(Kind.LAYER, "leaky-relu", LeakyReluParams.class, ActivationSpec::leakyRelu,
                "Leaky ReLU: x for x > 0, else slope * x"));
        activation(registry, "gelu", "GELU, tanh approximation: 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3)))");
        activation(registry, "heaviside",
                "Step: 1 for x > 0, else 0; its gradient is zero, so a perceptron learns with its own rule");
    }

    private static void activation(Registry registry, String name, String doc) {
        registry.register(Component.of(Kind.LAYER, name, NoParams.class, p -> ActivationSpec.named(name), doc));
    }
}
