package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Finite-difference gradient checks of every layer with parameters and every activation, on small shapes. */
class LayerGradientTest {

    private static Layer build(LayerSpec spec, int... inputShape) {
        return spec.build(inputShape, new Rng(11));
    }

    private static Tensor input(long seed, int... shape) {
        return GradientCheck.spread(seed, shape);
    }

    /** Values spread over [-0.47, 0.47]: apart by more than the step, small enough not to saturate. */
    private static Tensor smallInput(long seed, int... shape) {
        return GradientCheck.spread(seed, shape).mul(0.25f);
    }

    /** A training pass whose stream is the same every time, so dropout draws the same mask in each evaluation. */
    private static Pass trainingPass() {
        return new Pass(true, new Rng(5));
    }

    /** Every input and parameter value of {@code layer} has the gradient central differences give. */
    private static void assertGradients(Layer layer, Tensor input, Supplier<Pass> pass) {
        GradientCheck.Result result = LayerGradientCheck.standard().check(layer, input, pass);
        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(input.size() + Layers.parameterCount(layer));
    }

    /** Every input value has the gradient central differences give (layers without parameters). */
    private static void assertInputGradient(Layer layer, Tensor input, Supplier<Pass> pass) {
        GradientCheck.Result result = LayerGradientCheck.standard().checkInput(layer, input, pass);
        assertThat(result.passed()).as(result.failure()).isTrue();
        assertThat(result.checked()).isEqualTo(input.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "relu", "sigmoid", "tanh", "softmax", "leaky-relu", "gelu"})
    void denseWithEachActivation(String activation) {
        Layer dense = build(new DenseSpec(DenseParams.of(5, activation)), 4);
        assertGradients(dense, input(1, 3, 4), Pass::inference);
    }

    @Test
    void denseWithoutBias() {
        Layer dense = build(new DenseSpec(new DenseParams(3, "tanh", false, "he-normal", 0, 0, null)), 4);
        assertGradients(dense, input(2, 2, 4), Pass::inference);
    }

    @Test
    void conv2dValid() {
        Layer conv = build(new Conv2dSpec(Conv2dParams.of(3, 3, "valid", "linear")), 2, 5, 5);
        assertGradients(conv, smallInput(3, 2, 2, 5, 5), Pass::inference);
    }

    @Test
    void conv2dSameWithStrideTwoAndTanh() {
        Layer conv = build(new Conv2dSpec(new Conv2dParams(2, 3, 2, "same", "tanh", true, "glorot-normal", 0, 0)), 2, 5, 5);
        assertGradients(conv, smallInput(4, 2, 2, 5, 5), Pass::inference);
    }

    @Test
    void maxAndAveragePooling() {
        Tensor x = input(5, 2, 2, 4, 4);
        assertInputGradient(build(Pool2dSpec.max(Pool2dParams.of(2)), 2, 4, 4), x, Pass::inference);
        assertInputGradient(build(Pool2dSpec.avg(new Pool2dParams(3, 1, 1)), 2, 4, 4), x, Pass::inference);
    }

    @Test
    void flattenAndDropout() {
        assertInputGradient(build(new FlattenSpec(), 2, 2, 3), input(6, 2, 2, 2, 3), Pass::inference);
        assertInputGradient(build(new DropoutSpec(new DropoutParams(0.4)), 6), input(7, 3, 6),
                LayerGradientTest::trainingPass);
    }

    @Test
    void batchNormInTrainingOnFeaturesAndOnChannels() {
        Layer flat = build(new BatchNormSpec(BatchNormParams.defaults()), 3);
        distinctScaleAndShift(flat);
        assertGradients(flat, input(8, 4, 3), LayerGradientTest::trainingPass);

        Layer image = build(new BatchNormSpec(BatchNormParams.defaults()), 2, 2, 2);
        distinctScaleAndShift(image);
        assertGradients(image, input(9, 3, 2, 2, 2), LayerGradientTest::trainingPass);
    }

    @Test
    void batchNormInInference() {
        Layer norm = build(new BatchNormSpec(BatchNormParams.defaults()), 2, 2, 2);
        distinctScaleAndShift(norm);
        norm.forward(input(10, 3, 2, 2, 2), trainingPass());
        assertGradients(norm, input(11, 2, 2, 2, 2), Pass::inference);
    }

    @Test
    void layerNorm() {
        Layer norm = build(new LayerNormSpec(new LayerNormParams(1e-5)), 2, 4);
        distinctScaleAndShift(norm);
        assertGradients(norm, input(12, 2, 2, 4), Pass::inference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "sigmoid", "tanh", "softmax", "leaky-relu", "gelu"})
    void activationLayers(String name) {
        Layer activation = build(ActivationSpec.named(name), 2, 3);
        assertInputGradient(activation, input(13, 2, 2, 3), Pass::inference);
    }

    @Test
    void leakyReluWithItsOwnSlope() {
        Layer activation = build(ActivationSpec.leakyRelu(new LeakyReluParams(0.2)), 5);
        assertInputGradient(activation, input(14, 2, 5), Pass::inference);
    }

    @Test
    void sequentialOfConvolutionPoolingAndDense() {
        Layer net = build(SequentialSpec.of(
                new Conv2dSpec(Conv2dParams.of(2, 3, "same", "tanh")),
                Pool2dSpec.avg(Pool2dParams.of(2)),
                new FlattenSpec(),
                new DenseSpec(DenseParams.of(3, "softmax"))), 1, 4, 4);
        assertGradients(net, smallInput(15, 2, 1, 4, 4), Pass::inference);
    }

    @Test
    void residualWithIdentitySkip() {
        Layer block = build(new ResidualSpec(new ResidualParams(List.of(
                new DenseSpec(DenseParams.of(4, "tanh")), new DenseSpec(DenseParams.of(4, "linear"))), "tanh")), 4);
        assertGradients(block, input(16, 3, 4), Pass::inference);
    }

    @Test
    void residualWithDenseProjection() {
        Layer block = build(new ResidualSpec(new ResidualParams(List.of(new DenseSpec(DenseParams.of(3, "tanh"))), "tanh")), 4);
        assertGradients(block, input(17, 2, 4), Pass::inference);
    }

    @Test
    void residualWithStridedConvolutionProjection() {
        LayerSpec strided = new Conv2dSpec(new Conv2dParams(3, 3, 2, "same", "tanh", true, "glorot-uniform", 0, 0));
        Layer block = build(new ResidualSpec(new ResidualParams(List.of(strided), "tanh")), 2, 5, 5);
        assertGradients(block, smallInput(18, 2, 2, 5, 5), Pass::inference);
    }

    @Test
    void inception() {
        Layer block = build(new InceptionSpec(new InceptionParams(2, 2, 2, 1, 2, 2)), 2, 3, 3);
        // With the initial zero biases, a reduction whose outputs are all negative feeds zeros to the next
        // convolution, whose pre-activations then sit exactly on relu's kink; positive biases avoid that.
        Layers.parameters(block).forEach((name, parameter) -> {
            if (name.endsWith(".bias")) {
                parameter.assign(GradientCheck.spread(name.length(), parameter.value().shape()).mul(0.2f).add(0.5f).toFloatArray());
            }
        });
        assertGradients(block, smallInput(19, 2, 2, 3, 3), Pass::inference);
    }

    @Test
    void graphAddingTwoBranches() {
        Layer graph = build(new GraphSpec(GraphParams.of(
                GraphParams.Node.of("left", new DenseSpec(DenseParams.of(4, "tanh")), "input"),
                GraphParams.Node.of("right", new DenseSpec(DenseParams.of(4, "sigmoid")), "input"),
                GraphParams.Node.of("head", new DenseSpec(DenseParams.of(2, "linear")), "left", "right"))), 3);
        assertGradients(graph, input(20, 3, 3), Pass::inference);
    }

    @Test
    void graphConcatenatingChannels() {
        Layer graph = build(new GraphSpec(GraphParams.of(
                GraphParams.Node.of("wide", new Conv2dSpec(Conv2dParams.of(2, 3, "same", "tanh")), "input"),
                GraphParams.Node.of("narrow", new Conv2dSpec(Conv2dParams.of(1, 1, "valid", "linear")), "input"),
                GraphParams.Node.of("mix", new Conv2dSpec(Conv2dParams.of(2, 1, "valid", "linear")), "wide", "narrow", "input")
                        .withMerge("concat"))), 2, 3, 3);
        assertGradients(graph, smallInput(21, 2, 2, 3, 3), Pass::inference);
    }

    /** Gives gamma and beta distinct values, so the check covers a scale and shift that are not 1 and 0. */
    private static void distinctScaleAndShift(Layer norm) {
        Parameter gamma = norm.parameters().get(0);
        Parameter beta = norm.parameters().get(1);
        gamma.assign(GradientCheck.spread(30, gamma.value().shape()).add(3f).toFloatArray());
        beta.assign(GradientCheck.spread(31, beta.value().shape()).toFloatArray());
    }
}
