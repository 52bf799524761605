package dev.grove.tensor;

import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;
import java.util.Arrays;

/** Matrix products with NumPy's matmul rules; everything ends in the kernels' GEMM. */
final class MatMul {

    private MatMul() {
    }

    static Tensor matmul(Tensor x, Tensor y) {
        if (x.rank() == 0 || y.rank() == 0) {
            throw new IllegalArgumentException("matmul: operands must have rank at least 1, got shapes "
                    + Shapes.str(x.shape) + " and " + Shapes.str(y.shape));
        }
        Tensor a = x.rank() == 1 ? x.reshape(1, x.shape[0]) : x;
        Tensor b = y.rank() == 1 ? y.reshape(y.shape[0], 1) : y;
        int m = a.shape[a.rank() - 2];
        int k = a.shape[a.rank() - 1];
        int kb = b.shape[b.rank() - 2];
        int n = b.shape[b.rank() - 1];
        if (k != kb) {
            throw new IllegalArgumentException("matmul: shapes " + Shapes.str(x.shape) + " and " + Shapes.str(y.shape)
                    + " are not aligned: " + k + " (last dimension of the first) != " + kb
                    + " (" + (y.rank() == 1 ? "length" : "second-to-last dimension") + " of the second)");
        }
        int[] batchA = Arrays.copyOf(a.shape, a.rank() - 2);
        int[] batchB = Arrays.copyOf(b.shape, b.rank() - 2);
        Tensor product;
        int[] batch;
        if (batchB.length == 0) {
            // [..., m, k] x [k, n]: one GEMM over all leading rows (the linear-layer case).
            batch = batchA;
            int rows = Shapes.size(batchA) * m;
            product = bmm(a.reshape(1, rows, k), b.reshape(1, k, n));
        } else {
            batch = Shapes.broadcast("matmul", batchA, batchB);
            int count = Shapes.size(batch);
            Tensor aFull = a.broadcastTo(concat(batch, m, k)).reshape(count, m, k);
            Tensor bFull = b.broadcastTo(concat(batch, k, n)).reshape(count, k, n);
            product = bmm(aFull, bFull);
        }
        int[] outShape = concat(batch, m, n);
        Tensor out = product.reshape(outShape);
        if (x.rank() == 1) {
            out = out.squeeze(-2);
        }
        if (y.rank() == 1) {
            out = out.squeeze(-1);
        }
        return out;
    }

    private static int[] concat(int[] batch, int rows, int cols) {
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = rows;
        shape[batch.length + 1] = cols;
        return shape;
    }

    /** Batched product of [B, m, k] and [B, k, n]. */
    private static Tensor bmm(Tensor a, Tensor b) {
        int count = a.shape[0];
        int m = a.shape[1];
        int k = a.shape[2];
        int n = b.shape[2];
        float[] out = new float[count * m * n];
        Kernels kernels = KernelSelector.active();
        for (int i = 0; i < count; i++) {
            kernels.gemm(false, false, m, n, k, a.data, i * m * k, k, b.data, i * k * n, n, out, i * m * n, n, false);
        }
        return Tensor.record(new Tensor(out, new int[] {count, m, n}), "matmul", g -> {
            Tensor gradA = null;
            Tensor gradB = null;
            if (a.requiresGrad()) {
                float[] ga = new float[a.data.length];
                for (int i = 0; i < count; i++) {
                    kernels.gemm(false, true, m, k, n, g.data, i * m * n, n, b.data, i * k * n, n, ga, i * m * k, k, false);
                }
                gradA = new Tensor(ga, a.shape.clone());
            }
            if (b.requiresGrad()) {
                float[] gb = new float[b.data.length];
                for (int i = 0; i < count; i++) {
                    kernels.gemm(true, false, k, n, m, a.data, i * m * k, k, g.data, i * m * n, n, gb, i * k * n, n, false);
                }
                gradB = new Tensor(gb, b.shape.clone());
            }
            return new Tensor[] {gradA, gradB};
        }, a, b);
    }
}
