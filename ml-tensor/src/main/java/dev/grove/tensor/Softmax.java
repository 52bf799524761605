package dev.grove.tensor;

/** Numerically stable softmax and log-softmax along one axis, and their gradients. */
final class Softmax {

    private Softmax() {
    }

    static Tensor softmax(Tensor x, int axis) {
        int a = Shapes.axis("softmax", axis, x.rank());
        float[] out = compute(x, a, false);
        Tensor y = new Tensor(out, x.shape.clone());
        return Tensor.record(y, "softmax", g -> {
            // dx = y * (g - sum(g * y, axis))
            Tensor dot = g.mul(y).sum(new int[] {a}, true);
            return new Tensor[] {y.mul(g.sub(dot))};
        }, x);
    }

    static Tensor logSoftmax(Tensor x, int axis) {
        int a = Shapes.axis("logSoftmax", axis, x.rank());
        float[] out = compute(x, a, true);
        Tensor y = new Tensor(out, x.shape.clone());
        return Tensor.record(y, "logSoftmax", g -> {
            // dx = g - softmax(x) * sum(g, axis), with softmax(x) = exp(y)
            Tensor total = g.sum(new int[] {a}, true);
            return new Tensor[] {g.sub(y.exp().mul(total))};
        }, x);
    }

    /** Views x as [outer, len, inner] and normalises each of the outer*inner fibres of length len. */
    private static float[] compute(Tensor x, int axis, boolean log) {
        int len = x.shape[axis];
        int outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= x.shape[i];
        }
        int inner = 1;
        for (int i = axis + 1; i < x.rank(); i++) {
            inner *= x.shape[i];
        }
        float[] in = x.data;
        float[] out = new float[in.length];
        int fibres = outer * inner;
        int innerSize = inner;
        int perTask = Math.max(1, Elementwise.CHUNK / Math.max(1, len));
        int tasks = (fibres + perTask - 1) / perTask;
        ThreadBudget.parallelFor(tasks, t -> {
            int end = Math.min(fibres, (t + 1) * perTask);
            for (int f = t * perTask; f < end; f++) {
                int base = (f / innerSize) * len * innerSize + f % innerSize;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < len; i++) {
                    max = Math.max(max, in[base + i * innerSize]);
                }
                // All -inf (a fully masked row) would give NaN from -inf - -inf; shift by 0 instead.
                float shift = Float.isInfinite(max) && max < 0 ? 0f : max;
                double total = 0;
                for (int i = 0; i < len; i++) {
                    total += Math.exp(in[base + i * innerSize] - shift);
                }
                if (log) {
                    float logTotal = (float) Math.log(total);
                    for (int i = 0; i < len; i++) {
                        out[base + i * innerSize] = in[base + i * innerSize] - shift - logTotal;
                    }
                } else {
                    for (int i = 0; i < len; i++) {
                        out[base + i * innerSize] = (float) (Math.exp(in[base + i * innerSize] - shift) / total);
                    }
                }
            }
        });
        return out;
    }
}
