package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
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

    @ParameterizedTest
    @ValueSource(strings = {"linear", "relu", "sigmoid", "tanh", "softmax", "leaky-relu", "gelu"})
    void denseWithEachActivation(String activation) {
        Layer dense = build(new DenseSpec(DenseParams.of(5, activation)), 4);
        LayerGradients.check(dense, input(1, 3, 4), Pass::inference);
    }

    @Test
    void denseWithoutBias() {
        Layer dense = build(new DenseSpec(new DenseParams(3, "tanh", false, "he-normal", 0, 0)), 4);
        LayerGradients.check(dense, input(2, 2, 4), Pass::inference);
    }

    @Test
    void conv2dValid() {
        Layer conv = build(new Conv2dSpec(Conv2dParams.of(3, 3, "valid", "linear")), 2, 5, 5);
        LayerGradients.check(conv, smallInput(3, 2, 2, 5, 5), Pass::inference);
    }

    @Test
    void conv2dSameWithStrideTwoAndTanh() {
        Layer conv = build(new Conv2dSpec(new Conv2dParams(2, 3, 2, "same", "tanh", true, "glorot-normal", 0, 0)), 2, 5, 5);
        LayerGradients.check(conv, smallInput(4, 2, 2, 5, 5), Pass::inference);
    }

    @Test
    void maxAndAveragePooling() {
        Tensor x = input(5, 2, 2, 4, 4);
        LayerGradients.checkInput(build(Pool2dSpec.max(Pool2dParams.of(2)), 2, 4, 4), x, Pass::inference);
        LayerGradients.checkInput(build(Pool2dSpec.avg(new Pool2dParams(3, 1, 1)), 2, 4, 4), x, Pass::inference);
    }

    @Test
    void flattenAndDropout() {
        LayerGradients.checkInput(build(new FlattenSpec(), 2, 2, 3), input(6, 2, 2, 2, 3), Pass::inference);
        LayerGradients.checkInput(build(new DropoutSpec(new DropoutParams(0.4)), 6), input(7, 3, 6),
                LayerGradients::trainingPass);
    }

    @Test
    void batchNormInTrainingOnFeaturesAndOnChannels() {
        Layer flat = build(new BatchNormSpec(BatchNormParams.defaults()), 3);
        distinctScaleAndShift(flat);
        LayerGradients.check(flat, input(8, 4, 3), LayerGradients::trainingPass);

        Layer image = build(new BatchNormSpec(BatchNormParams.defaults()), 2, 2, 2);
        distinctScaleAndShift(image);
        LayerGradients.check(image, input(9, 3, 2, 2, 2), LayerGradients::trainingPass);
    }

    @Test
    void batchNormInInference() {
        Layer norm = build(new BatchNormSpec(BatchNormParams.defaults()), 2, 2, 2);
        distinctScaleAndShift(norm);
        norm.forward(input(10, 3, 2, 2, 2), LayerGradients.trainingPass());
        LayerGradients.check(norm, input(11, 2, 2, 2, 2), Pass::inference);
    }

    @Test
    void layerNorm() {
        Layer norm = build(new LayerNormSpec(new LayerNormParams(1e-5)), 2, 4);
        distinctScaleAndShift(norm);
        LayerGradients.check(norm, input(12, 2, 2, 4), Pass::inference);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "sigmoid", "tanh", "softmax", "leaky-relu", "gelu"})
    void activationLayers(String name) {
        Layer activation = build(ActivationSpec.named(name), 2, 3);
        LayerGradients.checkInput(activation, input(13, 2, 2, 3), Pass::inference);
    }

    @Test
    void leakyReluWithItsOwnSlope() {
        Layer activation = build(ActivationSpec.leakyRelu(new LeakyReluParams(0.2)), 5);
        LayerGradients.checkInput(activation, input(14, 2, 5), Pass::inference);
    }

    @Test
    void sequentialOfConvolutionPoolingAndDense() {
        Layer net = build(SequentialSpec.of(
                new Conv2dSpec(Conv2dParams.of(2, 3, "same", "tanh")),
                Pool2dSpec.avg(Pool2dParams.of(2)),
                new FlattenSpec(),
                new DenseSpec(DenseParams.of(3, "softmax"))), 1, 4, 4);
        LayerGradients.check(net, smallInput(15, 2, 1, 4, 4), Pass::inference);
    }

    @Test
    void residualWithIdentitySkip() {
        Layer block = build(new ResidualSpec(new ResidualParams(List.of(
                new DenseSpec(DenseParams.of(4, "tanh")), new DenseSpec(DenseParams.of(4, "linear"))), "tanh")), 4);
        LayerGradients.check(block, input(16, 3, 4), Pass::inference);
    }

    @Test
    void residualWithDenseProjection() {
        Layer block = build(new ResidualSpec(new ResidualParams(List.of(new DenseSpec(DenseParams.of(3, "tanh"))), "tanh")), 4);
        LayerGradients.check(block, input(17, 2, 4), Pass::inference);
    }

    @Test
    void residualWithStridedConvolutionProjection() {
        LayerSpec strided = new Conv2dSpec(new Conv2dParams(3, 3, 2, "same", "tanh", true, "glorot-uniform", 0, 0));
        Layer block = build(new ResidualSpec(new ResidualParams(List.of(strided), "tanh")), 2, 5, 5);
        LayerGradients.check(block, smallInput(18, 2, 2, 5, 5), Pass::inference);
    }

    @Test
    void inception() {
        Layer block = build(new InceptionSpec(new InceptionParams(2, 2, 2, 1, 2, 2)), 2, 3, 3);
        // With the initial zero biases, a reduction whose outputs are all negative feeds zeros to the next
        // convolution, whose pre-activations then sit exactly on relu's kink; positive biases avoid that.
        Layers.parameters(block).forEach((name, parameter) -> {
            if (name.endsWith(".bias")) {
                Tensor bias = parameter.value();
                LayerGradients.set(bias, GradientCheck.spread(name.length(), bias.shape()).mul(0.2f).add(0.5f).toFloatArray());
            }
        });
        LayerGradients.check(block, smallInput(19, 2, 2, 3, 3), Pass::inference);
    }

    @Test
    void graphAddingTwoBranches() {
        Layer graph = build(new GraphSpec(GraphParams.of(
                GraphParams.Node.of("left", new DenseSpec(DenseParams.of(4, "tanh")), "input"),
                GraphParams.Node.of("right", new DenseSpec(DenseParams.of(4, "sigmoid")), "input"),
                GraphParams.Node.of("head", new DenseSpec(DenseParams.of(2, "linear")), "left", "right"))), 3);
        LayerGradients.check(graph, input(20, 3, 3), Pass::inference);
    }

    @Test
    void graphConcatenatingChannels() {
        Layer graph = build(new GraphSpec(GraphParams.of(
                GraphParams.Node.of("wide", new Conv2dSpec(Conv2dParams.of(2, 3, "same", "tanh")), "input"),
                GraphParams.Node.of("narrow", new Conv2dSpec(Conv2dParams.of(1, 1, "valid", "linear")), "input"),
                GraphParams.Node.of("mix", new Conv2dSpec(Conv2dParams.of(2, 1, "valid", "linear")), "wide", "narrow", "input")
                        .withMerge("concat"))), 2, 3, 3);
        LayerGradients.check(graph, smallInput(21, 2, 2, 3, 3), Pass::inference);
    }

    @Test
    void theParameterCheckCatchesAGradientPathThatAutogradMisses() {
        // forward = x·w + w² with the square cut off the graph: autograd sees x, the true derivative is x + 2w.
        Parameter w = new Parameter("weight", Tensor.of(new float[] {0.5f, -0.75f}));
        Layer cut = new AbstractLayer("cut", new int[] {2}, new int[] {2}) {
            @Override
            public Tensor forward(Tensor input, Pass pass) {
                Tensor detached = w.value().detach();
                return input.mul(w.value()).add(detached.mul(detached));
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(w);
            }
        };
        assertThatThrownBy(() -> LayerGradients.check(cut, input(22, 1, 2), Pass::inference))
                .isInstanceOf(AssertionError.class).hasMessageContaining("weight[0]");
    }

    /** Gives gamma and beta distinct values, so the check covers a scale and shift that are not 1 and 0. */
    private static void distinctScaleAndShift(Layer norm) {
        Parameter gamma = norm.parameters().get(0);
        Parameter beta = norm.parameters().get(1);
        LayerGradients.set(gamma.value(), GradientCheck.spread(30, gamma.value().shape()).add(3f).toFloatArray());
        LayerGradients.set(beta.value(), GradientCheck.spread(31, beta.value().shape()).toFloatArray());
    }
}
