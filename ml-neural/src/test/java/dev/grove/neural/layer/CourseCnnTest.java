package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The course's CNN (32x32x3 input; conv 32, 64, 64 filters 3x3 valid, the first two each followed
 * by 2x2 max pooling; flatten; dense 64; dense 10 softmax): the output shapes and parameter counts of
 * Keras' summary, here channels first.
 */
class CourseCnnTest {

    private static Layer courseCnn() {
        return SequentialSpec.of(
                new Conv2dSpec(Conv2dParams.of(32, 3, "valid", "relu")),
                Pool2dSpec.max(Pool2dParams.of(2)),
                new Conv2dSpec(Conv2dParams.of(64, 3, "valid", "relu")),
                Pool2dSpec.max(Pool2dParams.of(2)),
                new Conv2dSpec(Conv2dParams.of(64, 3, "valid", "relu")),
                new FlattenSpec(),
                new DenseSpec(DenseParams.of(64, "relu")),
                new DenseSpec(DenseParams.of(10, "softmax"))).build(new int[] {3, 32, 32}, new Rng(42));
    }

    @Test
    void outputShapesAndParameterCountsMatchKerasSummary() {
        Layer cnn = courseCnn();
        List<Layer.Child> layers = cnn.children();
        // Keras: (30,30,32) 896; (15,15,32) 0; (13,13,64) 18496; (6,6,64) 0; (4,4,64) 36928; (1024) 0; (64) 65600; (10) 650.
        int[][] shapes = {{32, 30, 30}, {32, 15, 15}, {64, 13, 13}, {64, 6, 6}, {64, 4, 4}, {1024}, {64}, {10}};
        long[] counts = {896, 0, 18496, 0, 36928, 0, 65600, 650};
        assertThat(layers).hasSize(shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            Layer layer = layers.get(i).layer();
            assertThat(layer.outputShape()).as(layers.get(i).name()).containsExactly(shapes[i]);
            assertThat(layer.parameters().stream().mapToLong(Parameter::size).sum()).as(layers.get(i).name())
                    .isEqualTo(counts[i]);
        }
        assertThat(Layers.parameterCount(cnn)).isEqualTo(122_570);
    }

    /**
     * The course's CNN runs each conv2d (relu) and the max pooling after it as one fused op; the same
     * network with the relus as separate layers (and so nothing fused) must give the same
     * probabilities and gradients, bit for bit. The weights are copied across by parameter name.
     */
    @Test
    void fusedConvolutionBlocksGiveTheBitsOfTheSeparateLayers() {
        Layer fused = courseCnn();
        Layer separate = SequentialSpec.of(
                new Conv2dSpec(Conv2dParams.of(32, 3, "valid", "linear")),
                ActivationSpec.named("relu"),
                Pool2dSpec.max(Pool2dParams.of(2)),
                new Conv2dSpec(Conv2dParams.of(64, 3, "valid", "linear")),
                ActivationSpec.named("relu"),
                Pool2dSpec.max(Pool2dParams.of(2)),
                new Conv2dSpec(Conv2dParams.of(64, 3, "valid", "linear")),
                ActivationSpec.named("relu"),
                new FlattenSpec(),
                new DenseSpec(DenseParams.of(64, "relu")),
                new DenseSpec(DenseParams.of(10, "softmax"))).build(new int[] {3, 32, 32}, new Rng(7));
        Map<String, Parameter> fusedParameters = Layers.parameters(fused);
        Map<String, Parameter> separateParameters = Layers.parameters(separate);
        assertThat(separateParameters.keySet()).isEqualTo(fusedParameters.keySet());
        try (Grad off = Grad.off()) {
            fusedParameters.forEach((name, parameter) -> separateParameters.get(name).value().copyFrom(parameter.value()));
        }

        Tensor images = Tensor.uniform(new Rng(3), -1f, 1f, 4, 3, 32, 32);
        Tensor upstream = Tensor.randn(new Rng(4), 4, 10);
        Tensor fusedOut = fused.forward(images, new Pass(true, new Rng(5)));
        Tensor separateOut = separate.forward(images, new Pass(true, new Rng(5)));
        assertThat(fusedOut.toFloatArray()).containsExactly(separateOut.toFloatArray());
        fusedOut.mul(upstream).sum().backward();
        separateOut.mul(upstream).sum().backward();
        fusedParameters.forEach((name, parameter) -> assertThat(parameter.value().grad().toFloatArray()).as(name)
                .containsExactly(separateParameters.get(name).value().grad().toFloatArray()));
    }

    @Test
    void childrenAreNumberedPerKindAndParametersNamedByPath() {
        Layer cnn = courseCnn();
        assertThat(cnn.children()).extracting(Layer.Child::name).containsExactly(
                "conv2d-1", "max-pool2d-1", "conv2d-2", "max-pool2d-2", "conv2d-3", "flatten-1", "dense-1", "dense-2");
        assertThat(Layers.parameters(cnn).keySet()).containsExactly(
                "conv2d-1.weight", "conv2d-1.bias", "conv2d-2.weight", "conv2d-2.bias", "conv2d-3.weight", "conv2d-3.bias",
                "dense-1.weight", "dense-1.bias", "dense-2.weight", "dense-2.bias");
        assertThat(Layers.parameters(cnn).get("conv2d-2.weight").value().shape()).containsExactly(64, 32, 3, 3);
        assertThat(Layers.parameters(cnn).get("dense-1.weight").value().shape()).containsExactly(1024, 64);
    }

    @Test
    void aBatchFlowsThroughToClassProbabilitiesAndLogits() {
        Layer cnn = courseCnn();
        Tensor images = Tensor.uniform(new Rng(1), 0f, 1f, 2, 3, 32, 32);
        Tensor probabilities = cnn.forward(images, Pass.inference());
        assertThat(probabilities.shape()).containsExactly(2, 10);
        for (int row = 0; row < 2; row++) {
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                sum += probabilities.get(row, c);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-5));
        }
        assertThat(cnn.finalActivation()).isEqualTo("softmax");
        Tensor logits = cnn.forwardBeforeActivation(images, Pass.inference());
        // softmax(logits) must give the probabilities: compare against exp(l - max) / sum, computed here.
        for (int row = 0; row < 2; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                max = Math.max(max, logits.get(row, c));
            }
            double total = 0;
            for (int c = 0; c < 10; c++) {
                total += Math.exp(logits.get(row, c) - max);
            }
            for (int c = 0; c < 10; c++) {
                assertThat((double) probabilities.get(row, c))
                        .isCloseTo(Math.exp(logits.get(row, c) - max) / total, within(1e-6));
            }
        }
    }

    @Test
    void theSameSeedBuildsTheSameWeights() {
        assertThat(Layers.parameters(courseCnn()).get("conv2d-1.weight").value().toFloatArray())
                .isEqualTo(Layers.parameters(courseCnn()).get("conv2d-1.weight").value().toFloatArray());
    }
}
