package dev.grove.tensor;

import static dev.grove.tensor.GradCheck.check;
import static dev.grove.tensor.GradCheck.spread;
import static dev.grove.tensor.GradCheck.uniform;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A finite-difference check for every differentiable op (run once per kernel implementation). */
class GradientCheckTest {

    @Nested
    class Arithmetic {
        @Test
        void add() {
            check("add", t -> t[0].add(t[1]), spread(1, 2, 3), spread(2, 2, 3));
            check("add broadcast", t -> t[0].add(t[1]), spread(3, 2, 3), spread(4, 3));
            check("add broadcast both", t -> t[0].add(t[1]), spread(5, 4, 1), spread(6, 1, 3));
            check("add scalar", t -> t[0].add(2.5f), spread(7, 5));
        }

        @Test
        void sub() {
            check("sub", t -> t[0].sub(t[1]), spread(1, 3, 2), spread(2, 2));
            check("sub scalar", t -> t[0].sub(1.5f), spread(3, 4));
        }

        @Test
        void mul() {
            check("mul", t -> t[0].mul(t[1]), spread(1, 2, 3), spread(2, 2, 3));
            check("mul broadcast", t -> t[0].mul(t[1]), spread(3, 2, 3, 4), spread(4, 3, 1));
            check("mul scalar", t -> t[0].mul(-3f), spread(5, 4));
        }

        @Test
        void div() {
            check("div", t -> t[0].div(t[1]), spread(1, 2, 3), uniform(2, 0.5f, 2f, 2, 3));
            check("div broadcast", t -> t[0].div(t[1]), spread(3, 3, 2), uniform(4, 0.5f, 2f, 2));
            check("div scalar", t -> t[0].div(4f), spread(5, 3));
        }

        @Test
        void neg() {
            check("neg", t -> t[0].neg(), spread(1, 5));
        }

        @Test
        void pow() {
            check("pow scalar", t -> t[0].pow(3f), spread(1, 6));
            check("pow fractional", t -> t[0].pow(1.5f), uniform(2, 0.5f, 2f, 6));
            check("pow tensor", t -> t[0].pow(t[1]), uniform(3, 0.5f, 2f, 2, 3), uniform(4, -1f, 2f, 3));
        }

        @Test
        void maximumAndMinimum() {
            check("maximum", t -> t[0].maximum(t[1]), spread(1, 12).reshape(3, 4), spread(2, 12).reshape(3, 4).add(0.01f));
            check("minimum", t -> t[0].minimum(t[1]), spread(3, 12).reshape(3, 4), spread(4, 4).add(0.01f));
        }

        @Test
        void where() {
            Tensor condition = Tensor.of(new float[] {1, 0, 1, 0, 0, 1}, 2, 3);
            check("where", t -> Tensor.where(condition, t[0], t[1]), spread(1, 2, 3), spread(2, 3));
        }
    }

    @Nested
    class Functions {
        @Test
        void exp() {
            check("exp", t -> t[0].exp(), spread(1, 8));
        }

        @Test
        void log() {
            check("log", t -> t[0].log(), uniform(1, 0.3f, 3f, 8));
        }

        @Test
        void sqrt() {
            check("sqrt", t -> t[0].sqrt(), uniform(1, 0.3f, 3f, 8));
        }

        @Test
        void abs() {
            check("abs", t -> t[0].abs(), spread(1, 10));
        }

        @Test
        void tanh() {
            check("tanh", t -> t[0].tanh(), spread(1, 10));
        }

        @Test
        void sigmoid() {
            check("sigmoid", t -> t[0].sigmoid(), spread(1, 10));
        }

        @Test
        void relu() {
            check("relu", t -> t[0].relu(), spread(1, 10));
        }

        @Test
        void clamp() {
            check("clamp", t -> t[0].clamp(-1f, 1f), spread(1, 16));
        }
    }

    @Nested
    class ReductionOps {
        @Test
        void sum() {
            check("sum all", t -> t[0].sum(), spread(1, 2, 3));
            check("sum axis", t -> t[0].sum(1), spread(2, 2, 3, 4));
            check("sum axes keepDims", t -> t[0].sum(new int[] {0, 2}, true), spread(3, 2, 3, 4));
            check("sum negative axis", t -> t[0].sum(-1), spread(4, 3, 2));
        }

        @Test
        void mean() {
            check("mean all", t -> t[0].mean(), spread(1, 2, 3));
            check("mean axes", t -> t[0].mean(new int[] {1}, true), spread(2, 2, 3, 2));
        }

        @Test
        void maxAndMin() {
            check("max all", t -> t[0].max(), spread(1, 3, 4));
            check("max axis", t -> t[0].max(new int[] {1}, false), spread(2, 3, 4));
            check("min axes keepDims", t -> t[0].min(new int[] {0, 2}, true), spread(3, 2, 3, 2));
        }

        @Test
        void variance() {
            check("var", t -> t[0].var(new int[] {1}, false), spread(1, 3, 4));
            check("var unbiased all", t -> t[0].var(new int[0], false, 1), spread(2, 2, 3));
        }
    }

    @Nested
    class Products {
        @Test
        void matmul2d() {
            check("matmul", t -> t[0].matmul(t[1]), spread(1, 3, 4), spread(2, 4, 5));
        }

        @Test
        void matmulBatchedAndBroadcast() {
            check("matmul batched", t -> t[0].matmul(t[1]), spread(1, 2, 3, 4), spread(2, 2, 4, 2));
            check("matmul batch broadcast", t -> t[0].matmul(t[1]), spread(3, 2, 1, 3, 4), spread(4, 3, 4, 2));
            check("matmul by 2-D", t -> t[0].matmul(t[1]), spread(5, 2, 3, 4), spread(6, 4, 2));
        }

        @Test
        void matmulVectors() {
            check("vector · matrix", t -> t[0].matmul(t[1]), spread(1, 4), spread(2, 4, 3));
            check("matrix · vector", t -> t[0].matmul(t[1]), spread(3, 3, 4), spread(4, 4));
            check("vector · vector", t -> t[0].matmul(t[1]), spread(5, 4), spread(6, 4));
        }
    }

    @Nested
    class ShapeChanges {
        @Test
        void reshapeAndSqueeze() {
            check("reshape", t -> t[0].reshape(3, -1).mul(t[0].reshape(3, 2)), spread(1, 2, 3));
            check("unsqueeze/squeeze", t -> t[0].unsqueeze(1).mul(spread(9, 2, 1, 3)).squeeze(1), spread(2, 2, 3));
        }

        @Test
        void permuteAndTranspose() {
            check("permute", t -> t[0].permute(2, 0, 1), spread(1, 2, 3, 4));
            check("transpose", t -> t[0].transpose(0, 1), spread(2, 3, 2));
        }

        @Test
        void broadcastTo() {
            check("broadcastTo", t -> t[0].broadcastTo(2, 3, 4), spread(1, 3, 1));
        }

        @Test
        void slice() {
            check("slice", t -> t[0].slice(1, 1, 3), spread(1, 2, 4, 2));
            check("slice step", t -> t[0].slice(0, 0, 5, 2), spread(2, 5, 3));
            check("slice negative", t -> t[0].slice(-1, -2, 4), spread(3, 2, 4));
        }

        @Test
        void concatAndStack() {
            check("concat", t -> Tensor.concat(1, t[0], t[1]), spread(1, 2, 3), spread(2, 2, 2));
            check("stack", t -> Tensor.stack(1, t[0], t[1]), spread(3, 2, 3), spread(4, 2, 3));
        }

        @Test
        void gatherAndIndexSelect() {
            Tensor index = Tensor.of(new float[] {0, 2, 2, 1, 0, 0}, 2, 3);
            check("gather", t -> t[0].gather(1, index), spread(1, 2, 3));
            check("indexSelect", t -> t[0].indexSelect(0, 2, 0, 2), spread(2, 3, 2));
        }
    }

    @Nested
    class NeuralBlocks {
        @Test
        void softmax() {
            check("softmax", t -> t[0].softmax(1), spread(1, 3, 4));
            check("softmax axis 0", t -> t[0].softmax(0), spread(2, 3, 2, 2));
        }

        @Test
        void logSoftmax() {
            check("logSoftmax", t -> t[0].logSoftmax(-1), spread(1, 3, 4));
            check("logSoftmax middle axis", t -> t[0].logSoftmax(1), spread(2, 2, 3, 2));
        }

        @Test
        void conv2d() {
            check("conv2d", t -> t[0].conv2d(t[1], t[2], 1, 0),
                    spread(1, 2, 2, 4, 4), spread(2, 3, 2, 3, 3), spread(3, 3));
            check("conv2d stride+padding", t -> t[0].conv2d(t[1], t[2], 2, 1),
                    spread(4, 2, 1, 5, 5), spread(5, 2, 1, 3, 3), spread(6, 2));
            check("conv2d rectangular", t -> t[0].conv2d(t[1], null, 1, 2, 1, 0),
                    spread(7, 1, 2, 4, 5), spread(8, 2, 2, 2, 3));
        }

        @Test
        void pooling() {
            check("maxPool2d", t -> t[0].maxPool2d(2, 2, 0), spread(1, 2, 2, 4, 4));
            check("maxPool2d overlapping padded", t -> t[0].maxPool2d(3, 2, 1), spread(2, 1, 2, 5, 5));
            check("avgPool2d", t -> t[0].avgPool2d(2, 2, 0), spread(3, 2, 2, 4, 4));
            check("avgPool2d padded", t -> t[0].avgPool2d(3, 1, 1), spread(4, 1, 1, 4, 4));
        }

        @Test
        void dropout() {
            check("dropout", t -> t[0].dropout(0.5f, new Rng(3), true), spread(1, 4, 5));
        }
    }
}
