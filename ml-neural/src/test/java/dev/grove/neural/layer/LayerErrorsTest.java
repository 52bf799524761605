package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad shapes and bad params fail with messages that say what, where and what is expected. */
class LayerErrorsTest {

    private static Layer build(LayerSpec spec, int... shape) {
        return spec.build(shape, new Rng(0));
    }

    @Test
    void aKernelLargerThanTheImageNamesTheLayerAndTheShapes() {
        assertThatThrownBy(() -> build(new Conv2dSpec(Conv2dParams.of(4, 3, "valid", "relu")), 1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conv2d").hasMessageContaining("3x3 kernel").hasMessageContaining("2x2 image")
                .hasMessageContaining("[1, 2, 2]");
        assertThatThrownBy(() -> build(Pool2dSpec.max(Pool2dParams.of(3)), 1, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-pool2d: a 3x3 window does not fit the 2x2 image of input [1, 2, 2]");
    }

    @Test
    void layersSayWhichInputTheyNeed() {
        assertThatThrownBy(() -> build(new Conv2dSpec(Conv2dParams.of(4, 3, "valid", "relu")), 784))
                .hasMessage("conv2d needs [channels, height, width] input, got [784]");
        assertThatThrownBy(() -> build(new DenseSpec(DenseParams.of(10, "linear"))))
                .hasMessage("dense needs an input shape with at least one dimension, got []");
        assertThatThrownBy(() -> build(new InceptionSpec(new InceptionParams(1, 1, 1, 1, 1, 1)), 16))
                .hasMessage("inception needs [channels, height, width] input, got [16]");
        assertThatThrownBy(() -> build(new FlattenSpec(), 3, 0))
                .hasMessageContaining("flatten needs every input dimension to be at least 1, got [3, 0]");
    }

    @Test
    void errorsInsideContainersCarryTheLayerPath() {
        LayerSpec net = SequentialSpec.of(
                new Conv2dSpec(Conv2dParams.of(4, 3, "valid", "relu")),
                new ResidualSpec(ResidualParams.of(
                        new FlattenSpec(), new Conv2dSpec(Conv2dParams.of(4, 3, "valid", "relu")))));
        assertThatThrownBy(() -> build(net, 1, 8, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layer residual-1.conv2d-1: conv2d needs [channels, height, width] input, got [144]");
    }

    @Test
    void aWrongTensorIsCaughtWhereItEnters() {
        Layer dense = build(new DenseSpec(DenseParams.of(3, "linear")), 4);
        assertThatThrownBy(() -> dense.forward(Tensor.zeros(2, 5), Pass.inference()))
                .hasMessage("dense was built for input [batch, 4], got a tensor of shape [2, 5]");
    }

    @Test
    void badParamsNameTheParamAndWhatIsAllowed() {
        assertThatThrownBy(() -> DenseParams.of(-1, "linear")).hasMessage("units must be >= 0, got -1");
        assertThatThrownBy(() -> DenseParams.of(3, "relux"))
                .hasMessage("activation must be one of linear, relu, sigmoid, tanh, softmax, leaky-relu, gelu, heaviside, got 'relux'");
        assertThatThrownBy(() -> new DenseParams(3, "relu", true, "xavier", 0, 0, null))
                .hasMessageContaining("init must be one of glorot-uniform, glorot-normal, he-uniform, he-normal, got 'xavier'");
        assertThatThrownBy(() -> new DenseParams(3, "relu", true, "he-normal", -0.1, 0, null)).hasMessage("l1 must be >= 0, got -0.1");
        assertThatThrownBy(() -> Conv2dParams.of(8, 4, "same", "relu"))
                .hasMessageContaining("padding same needs an odd kernel").hasMessageContaining("got kernel 4");
        assertThatThrownBy(() -> Conv2dParams.of(8, 3, "full", "relu")).hasMessage("padding must be one of valid, same, got 'full'");
        assertThatThrownBy(() -> new DropoutParams(1.0)).hasMessage("p must be < 1, got 1");
        assertThatThrownBy(() -> new Pool2dParams(2, 0, 2)).hasMessageContaining("padding must be at most size/2 (1 for size 2)");
        assertThatThrownBy(() -> new BatchNormParams(1.5, 1e-5)).hasMessage("momentum must be <= 1, got 1.5");
        assertThatThrownBy(() -> new LayerNormParams(0)).hasMessage("eps must be > 0, got 0");
        assertThatThrownBy(() -> new LeakyReluParams(1)).hasMessage("slope must be < 1, got 1");
        assertThatThrownBy(() -> new InceptionParams(1, 0, 1, 1, 1, 1)).hasMessage("b3-reduce must be >= 1, got 0");
        assertThatThrownBy(() -> new SequentialParams(List.of())).hasMessage("layers of sequential must hold at least one layer");
        assertThatThrownBy(() -> new ResidualParams(List.of(new FlattenSpec()), "swish"))
                .hasMessageStartingWith("activation must be one of");
    }

    @Test
    void aResidualWhoseSkipCannotBeProjectedSaysWhy() {
        assertThatThrownBy(() -> build(new ResidualSpec(ResidualParams.of(new FlattenSpec())), 2, 3, 3))
                .hasMessageContaining("residual: its layers turn [2, 3, 3] into [18]")
                .hasMessageContaining("images to images");
        // 5x5 → 4x4 (a valid 2x2 kernel): no stride s gives ceil(5 / s) = 4.
        assertThatThrownBy(() -> build(new ResidualSpec(ResidualParams.of(new Conv2dSpec(Conv2dParams.of(2, 2, "valid", "relu")))),
                1, 5, 5))
                .hasMessageContaining("no stride of a 1x1 convolution on the skip path shrinks 5x5 to 4x4");
    }

    @Test
    void graphsRejectUnknownDuplicateCyclicAndUnusedNodes() {
        LayerSpec relu = ActivationSpec.named("relu");
        assertThatThrownBy(() -> GraphParams.of(GraphParams.Node.of("a", relu, "missing")))
                .hasMessage("graph node 'a' takes input 'missing', which is neither 'input' nor a node (nodes: a)");
        assertThatThrownBy(() -> GraphParams.of(GraphParams.Node.of("a", relu, "input"), GraphParams.Node.of("a", relu, "a")))
                .hasMessage("graph node name 'a' is used by more than one node");
        assertThatThrownBy(() -> GraphParams.of(
                GraphParams.Node.of("a", relu, "input", "b"),
                GraphParams.Node.of("b", relu, "a"),
                GraphParams.Node.of("out", relu, "b")))
                .hasMessage("graph nodes a, b, out form a cycle or wait on one: each needs another's output first");
        assertThatThrownBy(() -> GraphParams.of(GraphParams.Node.of("spare", relu, "input"), GraphParams.Node.of("out", relu, "input")))
                .hasMessage("graph node 'spare' does not lead to the output 'out'; use it as an input of another node or remove it");
        assertThatThrownBy(() -> new GraphParams(List.of(GraphParams.Node.of("a", relu, "input")), "b"))
                .hasMessage("output of graph must name a node (nodes: a), got 'b'");
        assertThatThrownBy(() -> GraphParams.Node.of("input", relu))
                .hasMessageContaining("graph node name 'input' is reserved");
        assertThatThrownBy(() -> GraphParams.Node.of("stem.conv", relu)).hasMessageContaining("got 'stem.conv'");
        assertThatThrownBy(() -> GraphParams.Node.of("a", relu, "input").withMerge("mul"))
                .hasMessage("merge must be one of add, concat, got 'mul'");
        assertThatThrownBy(() -> GraphParams.of()).hasMessage("nodes of graph must hold at least one node");
    }

    @Test
    void graphMergesOfMismatchedShapesNameTheNodeAndItsInputs() {
        GraphParams adding = GraphParams.of(
                GraphParams.Node.of("a", new DenseSpec(DenseParams.of(4, "relu")), "input"),
                GraphParams.Node.of("b", new DenseSpec(DenseParams.of(3, "relu")), "input"),
                GraphParams.Node.of("c", ActivationSpec.named("tanh"), "a", "b"));
        assertThatThrownBy(() -> build(new GraphSpec(adding), 2))
                .hasMessage("layer c: graph node 'c' adds inputs a [4], b [3], whose shapes differ; use merge: concat or make them equal");
        GraphParams joining = GraphParams.of(
                GraphParams.Node.of("a", new Conv2dSpec(Conv2dParams.of(2, 3, "valid", "relu")), "input"),
                GraphParams.Node.of("c", ActivationSpec.named("tanh"), "a", "input").withMerge("concat"));
        assertThatThrownBy(() -> build(new GraphSpec(joining), 1, 5, 5))
                .hasMessageContaining("graph node 'c' concatenates inputs a [2, 3, 3], input [1, 5, 5] on their first axis");
    }
}
