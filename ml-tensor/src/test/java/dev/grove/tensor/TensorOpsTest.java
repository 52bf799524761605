package dev.grove.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Forward values against hand-computed answers and NumPy/PyTorch semantics. */
class TensorOpsTest {

    private static final float TOL = 1e-5f;

    private static void assertValues(Tensor t, int[] shape, float... expected) {
        assertThat(t.shape()).isEqualTo(shape);
        float[] actual = t.toFloatArray();
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d of %s", i, t).isCloseTo(expected[i], within(TOL + 1e-6f * Math.abs(expected[i])));
        }
    }

    @Test
    void creation() {
        assertValues(Tensor.arange(0f, 1f, 0.25f), new int[] {4}, 0f, 0.25f, 0.5f, 0.75f);
        assertValues(Tensor.arange(5f, 2f, -1f), new int[] {3}, 5f, 4f, 3f);
        assertValues(Tensor.eye(2), new int[] {2, 2}, 1, 0, 0, 1);
        assertValues(Tensor.full(7f, 2, 1), new int[] {2, 1}, 7, 7);
        assertThat(Tensor.zeros(0, 3).size()).isZero();
        assertValues(Tensor.scalar(3f), new int[0], 3f);
    }

    @Test
    void broadcastingArithmetic() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertValues(a.add(Tensor.of(new float[] {10, 20, 30})), new int[] {2, 3}, 11, 22, 33, 14, 25, 36);
        assertValues(a.sub(Tensor.of(new float[] {1, 2}, 2, 1)), new int[] {2, 3}, 0, 1, 2, 2, 3, 4);
        assertValues(a.mul(Tensor.of(new float[] {2}, 1)), new int[] {2, 3}, 2, 4, 6, 8, 10, 12);
        assertValues(Tensor.of(new float[] {1, 2}, 2, 1).mul(Tensor.of(new float[] {1, 10, 100}, 1, 3)),
                new int[] {2, 3}, 1, 10, 100, 2, 20, 200);
        assertValues(a.div(2f), new int[] {2, 3}, 0.5f, 1, 1.5f, 2, 2.5f, 3);
        assertValues(a.pow(2f).sqrt(), new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void unaryFunctions() {
        Tensor x = Tensor.of(new float[] {-2, 0, 0.5f});
        assertValues(x.relu(), new int[] {3}, 0, 0, 0.5f);
        assertValues(x.abs(), new int[] {3}, 2, 0, 0.5f);
        assertValues(x.tanh(), new int[] {3}, -0.9640276f, 0, 0.46211716f);
        assertValues(x.sigmoid(), new int[] {3}, 0.11920292f, 0.5f, 0.62245933f);
        assertValues(x.exp(), new int[] {3}, 0.13533528f, 1, 1.6487213f);
        assertValues(x.clamp(-1, 0.25f), new int[] {3}, -1, 0, 0.25f);
        assertValues(Tensor.of(new float[] {1, (float) Math.E}).log(), new int[] {2}, 0, 1);
    }

    @Test
    void sigmoidDoesNotOverflow() {
        float[] s = Tensor.of(new float[] {-200, 200}).sigmoid().toFloatArray();
        assertThat(s[0]).isBetween(0f, 1e-30f);
        assertThat(s[1]).isEqualTo(1f);
    }

    @Test
    void comparisonsAndWhere() {
        Tensor a = Tensor.of(new float[] {1, 2, 3});
        Tensor b = Tensor.of(new float[] {2, 2, 2});
        assertValues(a.gt(b), new int[] {3}, 0, 0, 1);
        assertValues(a.ge(b), new int[] {3}, 0, 1, 1);
        assertValues(a.lt(b), new int[] {3}, 1, 0, 0);
        assertValues(a.le(b), new int[] {3}, 1, 1, 0);
        assertValues(a.eq(b), new int[] {3}, 0, 1, 0);
        assertValues(a.ne(b), new int[] {3}, 1, 0, 1);
        assertValues(Tensor.where(a.gt(b), a, Tensor.scalar(-1f)), new int[] {3}, -1, -1, 3);
        assertValues(a.maximum(b), new int[] {3}, 2, 2, 3);
        assertValues(a.minimum(b), new int[] {3}, 1, 2, 2);
    }

    @Test
    void reductions() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertValues(x.sum(), new int[0], 21);
        assertValues(x.sum(0), new int[] {3}, 5, 7, 9);
        assertValues(x.sum(1), new int[] {2}, 6, 15);
        assertValues(x.sum(new int[] {1}, true), new int[] {2, 1}, 6, 15);
        assertValues(x.mean(0), new int[] {3}, 2.5f, 3.5f, 4.5f);
        assertValues(x.max(new int[] {0}, false), new int[] {3}, 4, 5, 6);
        assertValues(x.min(new int[] {1}, true), new int[] {2, 1}, 1, 4);
        // numpy.var([1, 2, 3, 4]) = 1.25; with ddof=1 (torch.var default) 5/3.
        Tensor v = Tensor.of(new float[] {1, 2, 3, 4});
        assertValues(v.var(new int[0], false), new int[0], 1.25f);
        assertValues(v.var(new int[0], false, 1), new int[0], 5f / 3f);
        // Reducing a middle axis of a 3-D tensor.
        Tensor cube = Tensor.arange(24).reshape(2, 3, 4);
        assertValues(cube.sum(1), new int[] {2, 4}, 12, 15, 18, 21, 48, 51, 54, 57);
        assertValues(cube.sum(new int[] {0, 2}, false), new int[] {3}, 60, 92, 124);
    }

    @Test
    void sumsOverLeadingAxesAddWholeRows() {
        // The bias-gradient case: leading axes reduced, the last kept.
        Tensor cube = Tensor.arange(24).reshape(2, 3, 4);
        assertValues(cube.sum(new int[] {0, 1}, false), new int[] {4}, 60, 66, 72, 78);
        assertValues(cube.sum(new int[] {0}, true), new int[] {1, 3, 4}, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34);
        assertValues(cube.mean(new int[] {0, 1}, false), new int[] {4}, 10, 11, 12, 13);
        // Many rows (several row blocks) and more columns than one column block, against float64 sums.
        int rows = 2500;
        int columns = 1300;
        float[] values = Tensor.randn(new Rng(7), rows, columns).toFloatArray();
        float[] sums = Tensor.of(values, rows, columns).sum(0).toFloatArray();
        for (int j = 0; j < columns; j++) {
            double expected = 0;
            for (int i = 0; i < rows; i++) {
                expected += values[i * columns + j];
            }
            assertThat((double) sums[j]).as("column %d", j).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void argmaxTakesFirstOfTies() {
        Tensor x = Tensor.of(new float[] {1, 3, 3, 0, -1, -1}, 2, 3);
        assertValues(x.argmax(1), new int[] {2}, 1, 0);
        assertValues(x.argmin(1), new int[] {2}, 0, 1);
        assertValues(x.argmax(0), new int[] {3}, 0, 0, 0);
    }

    @Test
    void matmul() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor b = Tensor.of(new float[] {7, 8, 9, 10, 11, 12}, 3, 2);
        assertValues(a.matmul(b), new int[] {2, 2}, 58, 64, 139, 154);
        assertValues(Tensor.of(new float[] {1, 2, 3}).matmul(b), new int[] {2}, 58, 64);
        assertValues(a.matmul(Tensor.of(new float[] {1, 0, -1})), new int[] {2}, -2, -2);
        assertValues(Tensor.of(new float[] {1, 2, 3}).matmul(Tensor.of(new float[] {4, 5, 6})), new int[0], 32);
    }

    @Test
    void batchedMatmulMatchesPerBatchProducts() {
        Rng rng = new Rng(5);
        Tensor a = Tensor.randn(rng, 3, 4, 5);
        Tensor b = Tensor.randn(rng, 3, 5, 2);
        Tensor c = a.matmul(b);
        assertThat(c.shape()).containsExactly(3, 4, 2);
        for (int i = 0; i < 3; i++) {
            Tensor expected = a.slice(0, i, i + 1).reshape(4, 5).matmul(b.slice(0, i, i + 1).reshape(5, 2));
            assertThat(c.slice(0, i, i + 1).reshape(4, 2).toFloatArray())
                    .containsExactly(expected.toFloatArray(), within(1e-5f));
        }
        // A [2,1,4,5] x [3,5,2] batch broadcast gives [2,3,4,2].
        assertThat(Tensor.randn(rng, 2, 1, 4, 5).matmul(b).shape()).containsExactly(2, 3, 4, 2);
    }

    @Test
    void shapeOps() {
        Tensor x = Tensor.arange(6).reshape(2, 3);
        assertValues(x.transpose(0, 1), new int[] {3, 2}, 0, 3, 1, 4, 2, 5);
        assertValues(Tensor.arange(24).reshape(2, 3, 4).permute(2, 0, 1).slice(0, 1, 2), new int[] {1, 2, 3},
                1, 5, 9, 13, 17, 21);
        assertValues(x.reshape(-1, 2), new int[] {3, 2}, 0, 1, 2, 3, 4, 5);
        assertValues(x.slice(1, 0, 3, 2), new int[] {2, 2}, 0, 2, 3, 5);
        assertValues(x.slice(1, -1, 3), new int[] {2, 1}, 2, 5);
        assertValues(Tensor.concat(0, x, Tensor.full(9f, 1, 3)), new int[] {3, 3}, 0, 1, 2, 3, 4, 5, 9, 9, 9);
        assertValues(Tensor.concat(1, x, Tensor.full(9f, 2, 1)), new int[] {2, 4}, 0, 1, 2, 9, 3, 4, 5, 9);
        assertValues(Tensor.stack(0, Tensor.of(new float[] {1, 2}), Tensor.of(new float[] {3, 4})), new int[] {2, 2}, 1, 2, 3, 4);
        assertValues(Tensor.stack(1, Tensor.of(new float[] {1, 2}), Tensor.of(new float[] {3, 4})), new int[] {2, 2}, 1, 3, 2, 4);
        assertValues(Tensor.of(new float[] {1, 2}, 2, 1).broadcastTo(2, 3), new int[] {2, 3}, 1, 1, 1, 2, 2, 2);
        assertThat(x.unsqueeze(0).shape()).containsExactly(1, 2, 3);
        assertThat(x.unsqueeze(2).squeeze(2).shape()).containsExactly(2, 3);
        assertThat(x.flatten().shape()).containsExactly(6);
    }

    @Test
    void gatherAndIndexSelect() {
        // torch.gather(torch.tensor([[1, 2], [3, 4]]), 1, torch.tensor([[0, 0], [1, 0]])) = [[1, 1], [4, 3]]
        Tensor t = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        assertValues(t.gather(1, Tensor.of(new float[] {0, 0, 1, 0}, 2, 2)), new int[] {2, 2}, 1, 1, 4, 3);
        assertValues(t.gather(0, Tensor.of(new float[] {1, 0}, 1, 2)), new int[] {1, 2}, 3, 2);
        assertValues(Tensor.arange(6).reshape(3, 2).indexSelect(0, 2, 2, 0), new int[] {3, 2}, 4, 5, 4, 5, 0, 1);
        assertValues(Tensor.arange(6).reshape(3, 2).indexSelect(1, 1), new int[] {3, 1}, 1, 3, 5);
    }

    @Test
    void softmaxIsStable() {
        // scipy.special.softmax([1, 2, 3]) = [0.09003057, 0.24472847, 0.66524096]
        assertValues(Tensor.of(new float[] {1, 2, 3}).softmax(0), new int[] {3}, 0.09003057f, 0.24472847f, 0.66524096f);
        assertValues(Tensor.of(new float[] {1000, 1001}).softmax(0), new int[] {2}, 0.26894142f, 0.7310586f);
        assertValues(Tensor.of(new float[] {1000, 1000}).logSoftmax(0), new int[] {2}, -0.6931472f, -0.6931472f);
        assertValues(Tensor.of(new float[] {-1000, 0}).logSoftmax(0), new int[] {2}, -1000f, 0f);
        // Along the first axis of a 2-D tensor: columns are normalised.
        assertValues(Tensor.of(new float[] {0, 0, (float) Math.log(3), 0}, 2, 2).softmax(0), new int[] {2, 2},
                0.25f, 0.5f, 0.75f, 0.5f);
    }

    @Test
    void conv2dKnownAnswer() {
        Tensor image = Tensor.arange(1f, 10f, 1f).reshape(1, 1, 3, 3);
        Tensor ones = Tensor.ones(1, 1, 2, 2);
        assertValues(image.conv2d(ones, null, 1, 0), new int[] {1, 1, 2, 2}, 12, 16, 24, 28);
        assertValues(image.conv2d(ones, Tensor.of(new float[] {1}), 2, 1), new int[] {1, 1, 2, 2}, 2, 6, 12, 29);
    }

    @Test
    void conv2dMatchesDirectConvolution() {
        Rng rng = new Rng(11);
        int n = 3, c = 2, h = 7, w = 6, f = 4, k = 3, stride = 2, pad = 1;
        Tensor x = Tensor.randn(rng, n, c, h, w);
        Tensor weight = Tensor.randn(rng, f, c, k, k);
        Tensor bias = Tensor.randn(rng, f);
        Tensor y = x.conv2d(weight, bias, stride, pad);
        int outH = (h + 2 * pad - k) / stride + 1;
        int outW = (w + 2 * pad - k) / stride + 1;
        assertThat(y.shape()).containsExactly(n, f, outH, outW);
        for (int img = 0; img < n; img++) {
            for (int o = 0; o < f; o++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        double expected = bias.get(o);
                        for (int ch = 0; ch < c; ch++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int iy = oy * stride - pad + ky;
                                    int ix = ox * stride - pad + kx;
                                    if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                                        expected += (double) x.get(img, ch, iy, ix) * weight.get(o, ch, ky, kx);
                                    }
                                }
                            }
                        }
                        assertThat((double) y.get(img, o, oy, ox)).isCloseTo(expected, within(1e-4));
                    }
                }
            }
        }
    }

    @Test
    void pooling() {
        Tensor x = Tensor.arange(16).reshape(1, 1, 4, 4);
        assertValues(x.maxPool2d(2, 2, 0), new int[] {1, 1, 2, 2}, 5, 7, 13, 15);
        assertValues(x.avgPool2d(2, 2, 0), new int[] {1, 1, 2, 2}, 2.5f, 4.5f, 10.5f, 12.5f);
        // PyTorch's default count_include_pad=True: the corner window sees 4 real values out of 9.
        assertThat(x.avgPool2d(3, 1, 1).get(0, 0, 0, 0)).isCloseTo((0 + 1 + 4 + 5) / 9f, within(TOL));
        assertThat(x.maxPool2d(3, 2, 1).shape()).containsExactly(1, 1, 2, 2);
        assertValues(x.maxPool2d(3, 2, 1), new int[] {1, 1, 2, 2}, 5, 7, 13, 15);
    }

    @Test
    void broadcastRunsGiveTheBitsOfPlainFloatArithmetic() {
        float[] values = {-0f, 0f, 1.5f, -2.25f, Float.NaN, 3e38f, -7f, 1e-40f};
        Tensor grid = Tensor.of(values, 2, 1, 4);
        Tensor column = Tensor.of(new float[] {-0f, 2f, 0.1f}, 3, 1);
        String[] ops = {"add", "sub", "mul", "div"};
        for (String op : ops) {
            for (boolean swapped : new boolean[] {false, true}) {
                Tensor a = swapped ? column : grid;
                Tensor b = swapped ? grid : column;
                Tensor result = switch (op) {
                    case "add" -> a.add(b);
                    case "sub" -> a.sub(b);
                    case "mul" -> a.mul(b);
                    default -> a.div(b);
                };
                assertThat(result.shape()).containsExactly(2, 3, 4);
                for (int i = 0; i < 2; i++) {
                    for (int r = 0; r < 3; r++) {
                        for (int c = 0; c < 4; c++) {
                            float g = values[i * 4 + c];
                            float v = column.get(r, 0);
                            float x = swapped ? v : g;
                            float y = swapped ? g : v;
                            float expected = switch (op) {
                                case "add" -> x + y;
                                case "sub" -> x - y;
                                case "mul" -> x * y;
                                default -> x / y;
                            };
                            assertThat(Float.floatToRawIntBits(result.get(i, r, c)))
                                    .as("%s %s at (%d,%d,%d)", op, swapped ? "column first" : "grid first", i, r, c)
                                    .isEqualTo(Float.floatToRawIntBits(expected));
                        }
                    }
                }
            }
        }
    }

    @Test
    void maxPoolingTakesTheFirstMaximumAndLetsNaNWin() {
        float nan = Float.NaN;
        // Window 1 ties at 3 (first in row order wins the gradient), window 2 holds a NaN, windows 3 and 4 are
        // all equal or negative; the same values with a 3x3 padded window exercise the general path.
        Tensor x = Tensor.of(new float[] {
            3, 1, 0, nan,
            2, 3, 5, 9,
            -1, -1, -4, -2,
            -1, -1, -3, -5}, 1, 1, 4, 4).requiresGrad(true);
        Tensor pooled = x.maxPool2d(2, 2, 0);
        float[] values = pooled.toFloatArray();
        assertThat(values[0]).isEqualTo(3f);
        assertThat(values[1]).isNaN();
        assertThat(values[2]).isEqualTo(-1f);
        assertThat(values[3]).isEqualTo(-2f);
        pooled.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(
            1, 0, 0, 1,
            0, 0, 0, 0,
            1, 0, 0, 1,
            0, 0, 0, 0);
    }

    @Test
    void randomTensorsAreSeededAndDistributedAsAsked() {
        Tensor a = Tensor.randn(new Rng(42), 100_000);
        assertThat(a.toFloatArray()).isEqualTo(Tensor.randn(new Rng(42), 100_000).toFloatArray());
        assertThat(a.toFloatArray()).isNotEqualTo(Tensor.randn(new Rng(43), 100_000).toFloatArray());
        assertThat(a.mean().item()).isCloseTo(0f, within(0.02f));
        assertThat(a.var(new int[0], false).item()).isCloseTo(1f, within(0.02f));

        Tensor u = Tensor.uniform(new Rng(1), -2f, 4f, 100_000);
        assertThat(u.min().item()).isGreaterThanOrEqualTo(-2f);
        assertThat(u.max().item()).isLessThan(4f);
        assertThat(u.mean().item()).isCloseTo(1f, within(0.05f));

        assertThat(Tensor.bernoulli(new Rng(2), 0.3f, 100_000).mean().item()).isCloseTo(0.3f, within(0.01f));
        Tensor mask = Tensor.dropoutMask(new Rng(3), 0.5f, 10_000);
        assertThat(mask.toFloatArray()).containsOnly(0f, 2f);
        assertThat(mask.mean().item()).isCloseTo(1f, within(0.05f));
    }

    @Test
    void derivedRngStreamsDependOnNameNotPosition() {
        Rng parent = new Rng(7);
        long first = parent.derive("fold-1").nextLong();
        parent.nextLong();
        assertThat(parent.derive("fold-1").nextLong()).isEqualTo(first);
        assertThat(parent.derive("fold-2").nextLong()).isNotEqualTo(first);
    }
}
