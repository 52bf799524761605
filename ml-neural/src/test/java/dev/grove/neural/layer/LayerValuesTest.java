package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Forward values of the layers against hand computations and independent loops. */
class LayerValuesTest {

    private static void assertClose(Tensor actual, double[] expected, double tolerance) {
        float[] values = actual.toFloatArray();
        assertThat(values).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) values[i]).as("element %d", i).isCloseTo(expected[i], within(tolerance));
        }
    }

    @Test
    void denseComputesXTimesWPlusB() {
        Layer dense = new DenseSpec(DenseParams.of(3, "linear")).build(new int[] {2}, new Rng(0));
        dense.parameters().get(0).assign(new float[] {1, 2, 3, 4, 5, 6});
        dense.parameters().get(1).assign(new float[] {0.5f, -0.5f, 1});
        // [1, 2]·[[1, 2, 3], [4, 5, 6]] = [9, 12, 15]; [-1, 0]·W = [-1, -2, -3]; then + b.
        Tensor out = dense.forward(Tensor.of(new float[][] {{1, 2}, {-1, 0}}), Pass.inference());
        assertClose(out, new double[] {9.5, 11.5, 16, -0.5, -2.5, -2}, 1e-6);
    }

    @Test
    void denseWithReluReportsItAndHandsOverThePreActivation() {
        Layer dense = new DenseSpec(DenseParams.of(1, "relu")).build(new int[] {1}, new Rng(0));
        dense.parameters().get(0).assign(new float[] {2});
        Tensor x = Tensor.of(new float[][] {{-1}, {3}});
        assertClose(dense.forward(x, Pass.inference()), new double[] {0, 6}, 0);
        assertClose(dense.forwardBeforeActivation(x, Pass.inference()), new double[] {-2, 6}, 0);
        assertThat(dense.finalActivation()).isEqualTo("relu");
    }

    @Test
    void conv2dIsTheCrossCorrelationOfPyTorch() {
        // 2 channels 5x5 in, 3 filters 3x3, stride 2, padding same (1): out[f][i][j] = b[f] +
        // Σ_c,u,v w[f][c][u][v] · x[c][2i+u-1][2j+v-1], zeros outside; the output is 3x3.
        Layer conv = new Conv2dSpec(new Conv2dParams(3, 3, 2, "same", "linear", true, "glorot-uniform", 0, 0))
                .build(new int[] {2, 5, 5}, new Rng(4));
        conv.parameters().get(1).assign(new float[] {0.1f, -0.2f, 0.3f});
        assertThat(conv.outputShape()).containsExactly(3, 3, 3);
        Tensor x = Tensor.uniform(new Rng(9), -1, 1, 1, 2, 5, 5);
        float[] w = conv.parameters().get(0).value().toFloatArray();
        float[] b = conv.parameters().get(1).value().toFloatArray();
        double[] expected = new double[27];
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    double sum = b[f];
                    for (int c = 0; c < 2; c++) {
                        for (int u = 0; u < 3; u++) {
                            for (int v = 0; v < 3; v++) {
                                int row = 2 * i + u - 1;
                                int col = 2 * j + v - 1;
                                if (row >= 0 && row < 5 && col >= 0 && col < 5) {
                                    sum += w[((f * 2 + c) * 3 + u) * 3 + v] * x.get(0, c, row, col);
                                }
                            }
                        }
                    }
                    expected[(f * 3 + i) * 3 + j] = sum;
                }
            }
        }
        assertClose(conv.forward(x, Pass.inference()), expected, 1e-5);
    }

    @Test
    void samePaddingKeepsTheSizeAtStrideOne() {
        Layer conv = new Conv2dSpec(Conv2dParams.of(4, 5, "same", "relu")).build(new int[] {3, 7, 6}, new Rng(0));
        assertThat(conv.outputShape()).containsExactly(4, 7, 6);
        assertThat(conv.forward(Tensor.zeros(2, 3, 7, 6), Pass.inference()).shape()).containsExactly(2, 4, 7, 6);
    }

    @Test
    void poolingTakesTheMaximumOrMeanOfEachWindow() {
        Tensor x = Tensor.of(new float[] {
            1, 2, 5, 6,
            3, 4, 7, 8,
            -1, -2, 0, 9,
            -3, -4, 1, 2}, 1, 1, 4, 4);
        Layer max = Pool2dSpec.max(Pool2dParams.of(2)).build(new int[] {1, 4, 4}, new Rng(0));
        Layer avg = Pool2dSpec.avg(Pool2dParams.of(2)).build(new int[] {1, 4, 4}, new Rng(0));
        assertThat(max.outputShape()).containsExactly(1, 2, 2);
        assertClose(max.forward(x, Pass.inference()), new double[] {4, 8, -1, 9}, 0);
        assertClose(avg.forward(x, Pass.inference()), new double[] {2.5, 6.5, -2.5, 3}, 1e-6);
        Layer overlapping = Pool2dSpec.max(new Pool2dParams(3, 1, 0)).build(new int[] {1, 4, 4}, new Rng(0));
        assertClose(overlapping.forward(x, Pass.inference()), new double[] {7, 9, 7, 9}, 0);
    }

    @Test
    void flattenKeepsRowMajorOrder() {
        Layer flatten = new FlattenSpec().build(new int[] {2, 1, 3}, new Rng(0));
        assertThat(flatten.outputShape()).containsExactly(6);
        Tensor x = Tensor.arange(12).reshape(2, 2, 1, 3);
        Tensor out = flatten.forward(x, Pass.inference());
        assertThat(out.shape()).containsExactly(2, 6);
        assertThat(out.toFloatArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void activationsMatchTheirFormulas() {
        float[] values = {-2f, -0.5f, 0f, 0.5f, 1f, 3f};
        Tensor x = Tensor.of(values, 1, 6);
        double[] relu = new double[6];
        double[] sigmoid = new double[6];
        double[] tanh = new double[6];
        double[] leaky = new double[6];
        double[] gelu = new double[6];
        double[] step = new double[6];
        for (int i = 0; i < 6; i++) {
            double v = values[i];
            relu[i] = Math.max(v, 0);
            sigmoid[i] = 1 / (1 + Math.exp(-v));
            tanh[i] = Math.tanh(v);
            leaky[i] = v > 0 ? v : 0.01 * v;
            gelu[i] = 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v)));
            step[i] = v > 0 ? 1 : 0;
        }
        assertClose(layer("relu").forward(x, Pass.inference()), relu, 0);
        assertClose(layer("sigmoid").forward(x, Pass.inference()), sigmoid, 1e-6);
        assertClose(layer("tanh").forward(x, Pass.inference()), tanh, 1e-6);
        assertClose(layer("leaky-relu").forward(x, Pass.inference()), leaky, 1e-7);
        assertClose(layer("gelu").forward(x, Pass.inference()), gelu, 1e-6);
        assertClose(layer("heaviside").forward(x, Pass.inference()), step, 0);
        // PyTorch: gelu(tensor(1.), approximate='tanh') = 0.8411920070648193.
        assertThat((double) layer("gelu").forward(x, Pass.inference()).get(0, 4)).isCloseTo(0.8411920070648193, within(1e-6));
    }

    private static Layer layer(String activation) {
        return ActivationSpec.named(activation).build(new int[] {6}, new Rng(0));
    }

    @Test
    void heavisideHasAZeroGradientEverywhere() {
        Tensor x = Tensor.of(new float[] {-1f, 0.5f, 2f}, 1, 3).requiresGrad(true);
        Layer step = ActivationSpec.named("heaviside").build(new int[] {3}, new Rng(0));
        step.forward(x, Pass.inference()).sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(0f, 0f, 0f);
    }

    @Test
    void softmaxLayerNormalisesTheLastAxisAndReportsItself() {
        Layer softmax = ActivationSpec.named("softmax").build(new int[] {3}, new Rng(0));
        Tensor x = Tensor.of(new float[][] {{1, 2, 3}, {0, 0, 0}});
        double total = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertClose(softmax.forward(x, Pass.inference()),
                new double[] {Math.exp(1) / total, Math.exp(2) / total, Math.exp(3) / total, 1 / 3.0, 1 / 3.0, 1 / 3.0}, 1e-6);
        assertThat(softmax.finalActivation()).isEqualTo("softmax");
        assertThat(softmax.forwardBeforeActivation(x, Pass.inference()).toFloatArray()).containsExactly(x.toFloatArray());

        Layer net = SequentialSpec.of(new DenseSpec(DenseParams.of(3, "linear")), ActivationSpec.named("sigmoid"))
                .build(new int[] {2}, new Rng(0));
        Tensor in = Tensor.of(new float[][] {{0.5f, -1f}});
        assertThat(net.finalActivation()).isEqualTo("sigmoid");
        assertThat(net.forwardBeforeActivation(in, Pass.inference()).toFloatArray())
                .containsExactly(net.children().get(0).layer().forward(in, Pass.inference()).toFloatArray());
    }

    @Test
    void layerNormNormalisesEachSampleOverItsLastAxis() {
        Layer norm = new LayerNormSpec(new LayerNormParams(1e-5)).build(new int[] {4}, new Rng(0));
        // Row [1, 2, 3, 4]: mean 2.5, biased variance 1.25. Row [2, 2, 2, 6]: mean 3, biased variance 3.
        Tensor out = norm.forward(Tensor.of(new float[][] {{1, 2, 3, 4}, {2, 2, 2, 6}}), Pass.inference());
        double a = Math.sqrt(1.25 + 1e-5);
        double b = Math.sqrt(3 + 1e-5);
        assertClose(out, new double[] {-1.5 / a, -0.5 / a, 0.5 / a, 1.5 / a, -1 / b, -1 / b, -1 / b, 3 / b}, 1e-5);
        assertThat(norm.parameters()).extracting(Parameter::name).containsExactly("gamma", "beta");
    }

    @Test
    void residualAddsTheSkipBeforeItsActivation() {
        Layer block = new ResidualSpec(ResidualParams.of(new DenseSpec(DenseParams.of(3, "tanh")))).build(new int[] {3}, new Rng(2));
        assertThat(block.children()).extracting(Layer.Child::name).containsExactly("dense-1");
        Tensor x = GradientCheck.spread(1, 2, 3);
        float[] f = block.children().get(0).layer().forward(x, Pass.inference()).toFloatArray();
        float[] in = x.toFloatArray();
        double[] expected = new double[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = Math.max(0, f[i] + in[i]);
        }
        assertClose(block.forward(x, Pass.inference()), expected, 1e-6);
        assertThat(block.finalActivation()).isEqualTo("relu");
    }

    @Test
    void residualProjectsTheSkipWithAStridedOneByOneConvolutionWhenTheShapeChanges() {
        LayerSpec down = new Conv2dSpec(new Conv2dParams(8, 3, 2, "same", "relu", true, "he-normal", 0, 0));
        Layer block = new ResidualSpec(ResidualParams.of(down)).build(new int[] {4, 7, 7}, new Rng(3));
        assertThat(block.outputShape()).containsExactly(8, 4, 4);
        assertThat(block.children()).extracting(Layer.Child::name).containsExactly("conv2d-1", "projection");
        Layer projection = block.children().get(1).layer();
        assertThat(projection.parameters().get(0).value().shape()).containsExactly(8, 4, 1, 1);
        assertThat(projection.outputShape()).containsExactly(8, 4, 4);
        // A stride-2 1x1 convolution samples the even rows and columns: check one output against that.
        Tensor x = Tensor.uniform(new Rng(5), -1, 1, 1, 4, 7, 7);
        float[] w = projection.parameters().get(0).value().toFloatArray();
        double expected = 0;
        for (int c = 0; c < 4; c++) {
            expected += w[2 * 4 + c] * x.get(0, c, 6, 4);
        }
        assertThat((double) projection.forward(x, Pass.inference()).get(0, 2, 3, 2)).isCloseTo(expected, within(1e-5));
    }

    @Test
    void inceptionConcatenatesItsBranchesOnChannels() {
        InceptionParams params = new InceptionParams(64, 96, 128, 16, 32, 32);
        Layer block = new InceptionSpec(params).build(new int[] {192, 28, 28}, new Rng(0));
        assertThat(block.outputShape()).containsExactly(256, 28, 28);
        assertThat(block.children()).extracting(Layer.Child::name)
                .containsExactly("b1", "b3-reduce", "b3", "b5-reduce", "b5", "pool", "pool-proj");
        // GoogLeNet 3a with biases: 1x1 192→64, 1x1 192→96, 3x3 96→128, 1x1 192→16, 5x5 16→32, 1x1 192→32.
        long expected = (192 + 1) * 64 + (192 + 1) * 96 + (96 * 9 + 1) * 128 + (192 + 1) * 16 + (16 * 25 + 1) * 32
                + (192 + 1) * 32;
        assertThat(Layers.parameterCount(block)).isEqualTo(expected);
        assertThat(block.finalActivation()).isEqualTo("relu");
    }

    @Test
    void inceptionOutputIsTheBranchOutputsSideBySide() {
        Layer block = new InceptionSpec(new InceptionParams(2, 1, 3, 1, 1, 2)).build(new int[] {2, 4, 4}, new Rng(1));
        Tensor x = Tensor.uniform(new Rng(2), -1, 1, 2, 2, 4, 4);
        Tensor out = block.forward(x, Pass.inference());
        assertThat(out.shape()).containsExactly(2, 8, 4, 4);
        List<Layer.Child> c = block.children();
        Tensor one = c.get(0).layer().forward(x, Pass.inference());
        Tensor three = c.get(2).layer().forward(c.get(1).layer().forward(x, Pass.inference()), Pass.inference());
        Tensor five = c.get(4).layer().forward(c.get(3).layer().forward(x, Pass.inference()), Pass.inference());
        Tensor pooled = c.get(6).layer().forward(c.get(5).layer().forward(x, Pass.inference()), Pass.inference());
        assertThat(out.slice(1, 0, 2).toFloatArray()).containsExactly(one.toFloatArray());
        assertThat(out.slice(1, 2, 5).toFloatArray()).containsExactly(three.toFloatArray());
        assertThat(out.slice(1, 5, 6).toFloatArray()).containsExactly(five.toFloatArray());
        assertThat(out.slice(1, 6, 8).toFloatArray()).containsExactly(pooled.toFloatArray());
    }

    @Test
    void graphMergesByAddingOrConcatenating() {
        GraphParams params = GraphParams.of(
                GraphParams.Node.of("a", new DenseSpec(DenseParams.of(3, "tanh")), "input"),
                GraphParams.Node.of("b", new DenseSpec(DenseParams.of(3, "linear")), "input"),
                GraphParams.Node.of("sum", ActivationSpec.named("relu"), "a", "b"),
                GraphParams.Node.of("both", new DenseSpec(DenseParams.of(2, "softmax")), "sum", "input").withMerge("concat"));
        Layer graph = new GraphSpec(params).build(new int[] {2}, new Rng(4));
        assertThat(graph.children()).extracting(Layer.Child::name).containsExactly("a", "b", "sum", "both");
        assertThat(graph.children().get(3).layer().inputShape()).containsExactly(5);
        assertThat(graph.outputShape()).containsExactly(2);
        assertThat(graph.finalActivation()).isEqualTo("softmax");

        Tensor x = Tensor.of(new float[][] {{0.3f, -0.7f}, {1.1f, 0.2f}});
        Tensor a = graph.children().get(0).layer().forward(x, Pass.inference());
        Tensor b = graph.children().get(1).layer().forward(x, Pass.inference());
        Tensor sum = a.add(b).relu();
        Tensor joined = Tensor.concat(1, sum, x);
        Layer both = graph.children().get(3).layer();
        assertThat(graph.forward(x, Pass.inference()).toFloatArray())
                .containsExactly(both.forward(joined, Pass.inference()).toFloatArray());
        assertThat(graph.forwardBeforeActivation(x, Pass.inference()).toFloatArray())
                .containsExactly(both.forwardBeforeActivation(joined, Pass.inference()).toFloatArray());
        assertThat(Layers.parameters(graph).keySet()).containsExactly(
                "a.weight", "a.bias", "b.weight", "b.bias", "both.weight", "both.bias");
    }

    @Test
    void graphNodesWithoutInputsTakeThePreviousNodeAndTheOutputDefaultsToTheLast() {
        GraphParams params = new GraphParams(List.of(
                new GraphParams.Node("first", new DenseSpec(DenseParams.of(4, "relu")), List.of(), "add"),
                new GraphParams.Node("second", new DenseSpec(DenseParams.of(2, "linear")), List.of(), "add")), null);
        assertThat(params.nodes().get(0).inputs()).containsExactly("input");
        assertThat(params.nodes().get(1).inputs()).containsExactly("first");
        assertThat(params.output()).isEqualTo("second");
    }

    @Test
    void graphNodesRunAfterTheirInputsWhateverTheDeclaredOrder() {
        GraphParams params = new GraphParams(List.of(
                GraphParams.Node.of("head", new DenseSpec(DenseParams.of(2, "linear")), "body"),
                GraphParams.Node.of("body", new DenseSpec(DenseParams.of(3, "tanh")), "input")), "head");
        Layer graph = new GraphSpec(params).build(new int[] {4}, new Rng(0));
        assertThat(graph.children()).extracting(Layer.Child::name).containsExactly("head", "body");
        Tensor x = Tensor.uniform(new Rng(1), -1, 1, 2, 4);
        Tensor expected = graph.children().get(0).layer()
                .forward(graph.children().get(1).layer().forward(x, Pass.inference()), Pass.inference());
        assertThat(graph.forward(x, Pass.inference()).toFloatArray()).containsExactly(expected.toFloatArray());
    }

    @Test
    void nestedContainersNameParametersByDottedPath() {
        Layer net = SequentialSpec.of(
                new Conv2dSpec(Conv2dParams.of(4, 3, "same", "relu")),
                new ResidualSpec(ResidualParams.of(
                        new Conv2dSpec(Conv2dParams.of(4, 3, "same", "relu")),
                        new BatchNormSpec(BatchNormParams.defaults()),
                        new Conv2dSpec(Conv2dParams.of(4, 3, "same", "linear")))),
                new FlattenSpec()).build(new int[] {1, 5, 5}, new Rng(0));
        assertThat(Layers.parameters(net).keySet()).containsExactly(
                "conv2d-1.weight", "conv2d-1.bias",
                "residual-1.conv2d-1.weight", "residual-1.conv2d-1.bias",
                "residual-1.batch-norm-1.gamma", "residual-1.batch-norm-1.beta",
                "residual-1.conv2d-2.weight", "residual-1.conv2d-2.bias");
        assertThat(Layers.buffers(net).keySet()).containsExactly(
                "residual-1.batch-norm-1.running-mean", "residual-1.batch-norm-1.running-var");
        assertThat(net.outputShape()).containsExactly(100);
    }
}
