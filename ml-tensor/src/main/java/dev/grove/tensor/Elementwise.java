package dev.grove.tensor;

import dev.grove.tensor.kernel.KernelSelector;
import dev.grove.tensor.kernel.Kernels;

/** Elementwise ops with NumPy broadcasting, and their gradients. */
final class Elementwise {

    /** Elements per parallel task; fixed, so splitting never depends on the thread count. */
    static final int CHUNK = 1 << 15;

    /** A float function of one argument, applied per element. */
    @FunctionalInterface
    interface UnaryFn {
        float apply(float x);
    }

    /** A float function of two arguments, applied per element pair. */
    @FunctionalInterface
    interface BinaryFn {
        float apply(float a, float b);
    }

    /** Binary ops that have a contiguous kernel. */
    private enum KernelOp { ADD, SUB, MUL, DIV }

    enum Comparison { GT, GE, LT, LE, EQ, NE }

    private Elementwise() {
    }

    // ------------------------------------------------------------ arithmetic

    static Tensor add(Tensor a, Tensor b) {
        Tensor out = binary("add", a, b, KernelOp.ADD, Float::sum);
        return Tensor.record(out, "add", g -> new Tensor[] {
                sumToShape(g, a.shape), sumToShape(g, b.shape)}, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        Tensor out = binary("sub", a, b, KernelOp.SUB, (x, y) -> x - y);
        return Tensor.record(out, "sub", g -> new Tensor[] {
                sumToShape(g, a.shape), b.requiresGrad() ? sumToShape(g.neg(), b.shape) : null}, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        Tensor out = binary("mul", a, b, KernelOp.MUL, (x, y) -> x * y);
        return Tensor.record(out, "mul", g -> new Tensor[] {
                a.requiresGrad() ? sumToShape(g.mul(b), a.shape) : null,
                b.requiresGrad() ? sumToShape(g.mul(a), b.shape) : null}, a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        Tensor out = binary("div", a, b, KernelOp.DIV, (x, y) -> x / y);
        return Tensor.record(out, "div", g -> new Tensor[] {
                a.requiresGrad() ? sumToShape(g.div(b), a.shape) : null,
                b.requiresGrad() ? sumToShape(g.mul(out).div(b).neg(), b.shape) : null}, a, b);
    }

    static Tensor affine(Tensor x, float scale, float shift) {
        float[] out = new float[x.data.length];
        Kernels k = KernelSelector.active();
        chunked(out.length, (from, to) -> k.affine(x.data, from, scale, shift, out, from, to - from));
        return Tensor.record(new Tensor(out, x.shape.clone()), "affine", g -> new Tensor[] {
                scale == 1f ? g : g.mul(scale)}, x);
    }

    static Tensor pow(Tensor x, float e) {
        Tensor out = unary(x, v -> (float) Math.pow(v, e));
        return Tensor.record(out, "pow", g -> new Tensor[] {g.mul(x.pow(e - 1f)).mul(e)}, x);
    }

    static Tensor pow(Tensor a, Tensor b) {
        Tensor out = binary("pow", a, b, null, (x, y) -> (float) Math.pow(x, y));
        return Tensor.record(out, "pow", g -> new Tensor[] {
                a.requiresGrad() ? sumToShape(g.mul(b).mul(a.pow(b.sub(1f))), a.shape) : null,
                b.requiresGrad() ? sumToShape(g.mul(out).mul(a.log()), b.shape) : null}, a, b);
    }

    static Tensor maximum(Tensor a, Tensor b) {
        Tensor out = binary("maximum", a, b, null, (x, y) -> x >= y || Float.isNaN(x) ? x : y);
        return Tensor.record(out, "maximum", g -> {
            Tensor aWins = a.ge(b);
            return new Tensor[] {sumToShape(g.mul(aWins), a.shape), sumToShape(g.mul(aWins.neg().add(1f)), b.shape)};
        }, a, b);
    }

    static Tensor minimum(Tensor a, Tensor b) {
        Tensor out = binary("minimum", a, b, null, (x, y) -> x <= y || Float.isNaN(x) ? x : y);
        return Tensor.record(out, "minimum", g -> {
            Tensor aWins = a.le(b);
            return new Tensor[] {sumToShape(g.mul(aWins), a.shape), sumToShape(g.mul(aWins.neg().add(1f)), b.shape)};
        }, a, b);
    }

    // ------------------------------------------------------------ unary functions

    static Tensor exp(Tensor x) {
        Tensor out = unary(x, v -> (float) Math.exp(v));
        return Tensor.record(out, "exp", g -> new Tensor[] {g.mul(out)}, x);
    }

    static Tensor log(Tensor x) {
        Tensor out = unary(x, v -> (float) Math.log(v));
        return Tensor.record(out, "log", g -> new Tensor[] {g.div(x)}, x);
    }

    static Tensor sqrt(Tensor x) {
        Tensor out = unary(x, v -> (float) Math.sqrt(v));
        return Tensor.record(out, "sqrt", g -> new Tensor[] {g.div(out).mul(0.5f)}, x);
    }

    static Tensor abs(Tensor x) {
        Tensor out = unary(x, Math::abs);
        return Tensor.record(out, "abs", g -> new Tensor[] {g.mul(unary(x, Math::signum))}, x);
    }

    static Tensor tanh(Tensor x) {
        Tensor out = unary(x, v -> (float) Math.tanh(v));
        return Tensor.record(out, "tanh", g -> new Tensor[] {g.mul(out.mul(out).neg().add(1f))}, x);
    }

    static Tensor sigmoid(Tensor x) {
        // Two branches so exp never overflows: for v < 0, e^v / (1 + e^v).
        Tensor out = unary(x, v -> {
            if (v >= 0) {
                return (float) (1 / (1 + Math.exp(-v)));
            }
            double e = Math.exp(v);
            return (float) (e / (1 + e));
        });
        return Tensor.record(out, "sigmoid", g -> new Tensor[] {g.mul(out.mul(out.neg().add(1f)))}, x);
    }

    static Tensor relu(Tensor x) {
        float[] out = new float[x.data.length];
        Kernels k = KernelSelector.active();
        chunked(out.length, (from, to) -> k.relu(x.data, from, out, from, to - from));
        return Tensor.record(new Tensor(out, x.shape.clone()), "relu", g -> {
            float[] gradient = new float[out.length];
            chunked(out.length, (from, to) -> k.reluBackward(x.data, from, g.data, from, gradient, from, to - from));
            return new Tensor[] {new Tensor(gradient, x.shape.clone())};
        }, x);
    }

    static Tensor clamp(Tensor x, float min, float max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException("clamp: min (" + min + ") must not exceed max (" + max + ")");
        }
        Tensor out = unary(x, v -> v < min ? min : (v > max ? max : v));
        return Tensor.record(out, "clamp",
                g -> new Tensor[] {g.mul(unary(x, v -> v >= min && v <= max ? 1f : 0f))}, x);
    }

    // ------------------------------------------------------------ comparisons and selection

    static Tensor compare(Tensor a, Tensor b, Comparison c) {
        BinaryFn fn = switch (c) {
            case GT -> (x, y) -> x > y ? 1f : 0f;
            case GE -> (x, y) -> x >= y ? 1f : 0f;
            case LT -> (x, y) -> x < y ? 1f : 0f;
            case LE -> (x, y) -> x <= y ? 1f : 0f;
            case EQ -> (x, y) -> x == y ? 1f : 0f;
            case NE -> (x, y) -> x != y ? 1f : 0f;
        };
        return binary(c.name().toLowerCase(java.util.Locale.ROOT), a, b, null, fn);
    }

    static Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        int[] shape = Shapes.broadcast("where", Shapes.broadcast("where", condition.shape, ifTrue.shape), ifFalse.shape);
        Tensor mask = binary("where", condition.broadcastTo(shape), Tensor.zeros(), null, (m, z) -> m != 0 ? 1f : 0f);
        Tensor t = ifTrue.detach().broadcastTo(shape);
        Tensor f = ifFalse.detach().broadcastTo(shape);
        float[] out = new float[mask.data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = mask.data[i] != 0 ? t.data[i] : f.data[i];
        }
        return Tensor.record(new Tensor(out, shape), "where", g -> new Tensor[] {
                null,
                ifTrue.requiresGrad() ? sumToShape(g.mul(mask), ifTrue.shape) : null,
                ifFalse.requiresGrad() ? sumToShape(g.mul(mask.neg().add(1f)), ifFalse.shape) : null},
                condition, ifTrue, ifFalse);
    }

    // ------------------------------------------------------------ engines

    /** Sums a broadcast gradient back down to the shape of the input it flowed from. */
    static Tensor sumToShape(Tensor g, int[] shape) {
        if (java.util.Arrays.equals(g.shape, shape)) {
            return g;
        }
        int lead = g.shape.length - shape.length;
        int[] axes = new int[g.shape.length];
        int n = 0;
        for (int i = 0; i < g.shape.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && g.shape[i] != 1)) {
                axes[n++] = i;
            }
        }
        Tensor summed = n == 0 ? g : Reductions.sum(g, java.util.Arrays.copyOf(axes, n), true);
        return summed.reshape(shape);
    }

    static Tensor unary(Tensor x, UnaryFn fn) {
        float[] in = x.data;
        float[] out = new float[in.length];
        chunked(out.length, (from, to) -> {
            for (int i = from; i < to; i++) {
                out[i] = fn.apply(in[i]);
            }
        });
        return new Tensor(out, x.shape.clone());
    }

    private static Tensor binary(String op, Tensor a, Tensor b, KernelOp kernelOp, BinaryFn fn) {
        int[] shape = Shapes.broadcast(op, a.shape, b.shape);
        float[] out = new float[Shapes.size(shape)];
        Kernels k = KernelSelector.active();
        if (java.util.Arrays.equals(a.shape, b.shape)) {
            chunked(out.length, (from, to) -> apply(k, kernelOp, fn, a.data, from, 1, b.data, from, 1, out, from, to - from));
            return new Tensor(out, shape);
        }
        if (out.length == 0) {
            return new Tensor(out, shape);
        }
        int rank = shape.length;
        int[] aStrides = Shapes.broadcastStrides(a.shape, shape);
        int[] bStrides = Shapes.broadcastStrides(b.shape, shape);
        int inner = shape[rank - 1];
        int aStep = aStrides[rank - 1];
        int bStep = bStrides[rank - 1];
        int rows = out.length / inner;
        int rowsPerTask = Math.max(1, CHUNK / Math.max(1, inner));
        int tasks = (rows + rowsPerTask - 1) / rowsPerTask;
        ThreadBudget.parallelFor(tasks, t -> {
            int end = Math.min(rows, (t + 1) * rowsPerTask);
            for (int row = t * rowsPerTask; row < end; row++) {
                int aBase = 0;
                int bBase = 0;
                int rest = row;
                for (int d = rank - 2; d >= 0; d--) {
                    int idx = rest % shape[d];
                    rest /= shape[d];
                    aBase += idx * aStrides[d];
                    bBase += idx * bStrides[d];
                }
                apply(k, kernelOp, fn, a.data, aBase, aStep, b.data, bBase, bStep, out, row * inner, inner);
            }
        });
        return new Tensor(out, shape);
    }

    /**
     * One contiguous run of the output: a kernel when both inputs are contiguous, or when one is a
     * single value broadcast along the run (a bias or a per-channel scale) and the operation is an
     * exact affine map of the other; else a loop.
     */
    private static void apply(Kernels k, KernelOp kernelOp, BinaryFn fn,
                              float[] a, int aOff, int aStep, float[] b, int bOff, int bStep,
                              float[] out, int outOff, int n) {
        if (kernelOp != null && aStep == 1 && bStep == 1) {
            switch (kernelOp) {
                case ADD -> k.add(a, aOff, b, bOff, out, outOff, n);
                case SUB -> k.sub(a, aOff, b, bOff, out, outOff, n);
                case MUL -> k.mul(a, aOff, b, bOff, out, outOff, n);
                case DIV -> k.div(a, aOff, b, bOff, out, outOff, n);
            }
            return;
        }
        // x·1 + s is x + s, x·s + (−0) is x·s, and (−x) + s is s − x, each exactly (−0 is the identity of
        // addition), so these runs give the bits of the loop below. Division is not a multiplication by
        // the reciprocal, so it keeps the loop.
        if (kernelOp != null && kernelOp != KernelOp.DIV && aStep == 1 && bStep == 0) {
            float s = b[bOff];
            switch (kernelOp) {
                case ADD -> k.affine(a, aOff, 1f, s, out, outOff, n);
                case SUB -> k.affine(a, aOff, 1f, -s, out, outOff, n);
                default -> k.affine(a, aOff, s, -0f, out, outOff, n);
            }
            return;
        }
        if (kernelOp != null && kernelOp != KernelOp.DIV && aStep == 0 && bStep == 1) {
            float s = a[aOff];
            switch (kernelOp) {
                case ADD -> k.affine(b, bOff, 1f, s, out, outOff, n);
                case SUB -> k.affine(b, bOff, -1f, s, out, outOff, n);
                default -> k.affine(b, bOff, s, -0f, out, outOff, n);
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            out[outOff + i] = fn.apply(a[aOff + i * aStep], b[bOff + i * bStep]);
        }
    }

    /** A range [from, to) of a flat array. */
    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }

    /** Splits [0, n) into fixed chunks of {@link #CHUNK} elements run on the pool. */
    static void chunked(int n, RangeTask task) {
        int tasks = (n + CHUNK - 1) / CHUNK;
        ThreadBudget.parallelFor(tasks, t -> task.run(t * CHUNK, Math.min(n, (t + 1) * CHUNK)));
    }
}
