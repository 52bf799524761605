package dev.grove.tensor;

import java.util.Arrays;

/**
 * A dense, row-major float32 tensor of any rank with reverse-mode autograd.
 *
 * <p>Ops return new tensors and broadcast like NumPy. A tensor created with
 * {@link #requiresGrad(boolean) requiresGrad(true)} is a leaf whose gradient is accumulated into
 * {@link #grad()} by {@link #backward()}; every op on such tensors records a graph node (unless
 * inside {@link Grad#off()}), and the graph is released after backward.
 *
 * <p>Shape errors throw {@link IllegalArgumentException} naming the op and the shapes involved.
 * Tensors are not thread-safe for mutation (in-place ops, gradients); reading is safe.
 */
public final class Tensor {

    static {
        // The one door to a tensor's array from outside this package, exported to the neural family only.
        dev.grove.tensor.storage.TensorStorage.install(tensor -> tensor.data);
    }

    final float[] data;
    final int[] shape;
    Node node;
    private boolean requiresGrad;
    private Tensor grad;

    Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ---------------------------------------------------------------- creation

    /** A tensor holding a copy of {@code values}, viewed with {@code shape} (default: 1-D). */
    public static Tensor of(float[] values, int... shape) {
        int[] s = shape.length == 0 ? new int[] {values.length} : Shapes.checkedShape("of", shape);
        if (Shapes.size(s) != values.length) {
            throw new IllegalArgumentException("of: " + values.length + " values cannot fill shape "
                    + Shapes.str(s) + " (" + Shapes.size(s) + " elements)");
        }
        return new Tensor(values.clone(), s);
    }

    /** A 2-D tensor from rows of equal length. */
    public static Tensor of(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("of: row " + i + " has " + rows[i].length
                        + " values but row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Tensor(data, new int[] {rows.length, cols});
    }

    /** A rank-0 tensor holding {@code value}. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[] {value}, new int[0]);
    }

    /** All zeros. */
    public static Tensor zeros(int... shape) {
        int[] s = Shapes.checkedShape("zeros", shape);
        return new Tensor(new float[Shapes.size(s)], s);
    }

    /** All ones. */
    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    /** Every element equal to {@code value}. */
    public static Tensor full(float value, int... shape) {
        int[] s = Shapes.checkedShape("full", shape);
        float[] data = new float[Shapes.size(s)];
        Arrays.fill(data, value);
        return new Tensor(data, s);
    }

    /** The n×n identity matrix. */
    public static Tensor eye(int n) {
        Tensor t = zeros(n, n);
        for (int i = 0; i < n; i++) {
            t.data[i * n + i] = 1f;
        }
        return t;
    }

    /** 0, 1, …, n-1. */
    public static Tensor arange(int n) {
        return arange(0, n, 1);
    }

    /** start, start+step, … while below {@code end} (above it for a negative step), as in NumPy. */
    public static Tensor arange(float start, float end, float step) {
        if (step == 0 || !Float.isFinite(step) || !Float.isFinite(start) || !Float.isFinite(end)) {
            throw new IllegalArgumentException("arange: start, end and step must be finite and step non-zero, got "
                    + start + ", " + end + ", " + step);
        }
        int n = (int) Math.max(0, Math.ceil((end - start) / (double) step));
        float[] data = new float[n];
        for (int i = 0; i < n; i++) {
            data[i] = (float) (start + (double) i * step);
        }
        return new Tensor(data, new int[] {n});
    }

    /** Standard normal samples from {@code rng}. */
    public static Tensor randn(Rng rng, int... shape) {
        int[] s = Shapes.checkedShape("randn", shape);
        float[] data = new float[Shapes.size(s)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) rng.nextGaussian();
        }
        return new Tensor(data, s);
    }

    /** Uniform samples in [low, high) from {@code rng}. */
    public static Tensor uniform(Rng rng, float low, float high, int... shape) {
        if (!(high >= low)) {
            throw new IllegalArgumentException("uniform: high (" + high + ") must be at least low (" + low + ")");
        }
        int[] s = Shapes.checkedShape("uniform", shape);
        float[] data = new float[Shapes.size(s)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (low + (high - low) * rng.nextDouble());
        }
        return new Tensor(data, s);
    }

    /** 1 with probability {@code p}, else 0. */
    public static Tensor bernoulli(Rng rng, float p, int... shape) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli: probability must be in [0, 1], got " + p);
        }
        int[] s = Shapes.checkedShape("bernoulli", shape);
        float[] data = new float[Shapes.size(s)];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextDouble() < p ? 1f : 0f;
        }
        return new Tensor(data, s);
    }

    /**
     * An inverted-dropout mask: each element is 0 with probability {@code p}, else {@code 1/(1-p)},
     * so that {@code x.mul(mask)} keeps the expected value of x.
     */
    public static Tensor dropoutMask(Rng rng, float p, int... shape) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("dropoutMask: drop probability must be in [0, 1), got " + p);
        }
        int[] s = Shapes.checkedShape("dropoutMask", shape);
        float keep = 1f / (1f - p);
        float[] data = new float[Shapes.size(s)];
        for (int i = 0; i < data.length; i++) {
            data[i] = rng.nextDouble() < p ? 0f : keep;
        }
        return new Tensor(data, s);
    }

    // ---------------------------------------------------------------- inspection

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Size of dimension {@code axis} (negative counts from the end). */
    public int dim(int axis) {
        return shape[Shapes.axis("dim", axis, shape.length)];
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Number of elements. */
    public int size() {
        return data.length;
    }

    /** The single value of a one-element tensor. */
    public float item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("item: tensor of shape " + Shapes.str(shape) + " has "
                    + data.length + " elements, not 1");
        }
        return data[0];
    }

    /** The element at {@code index} (one index per dimension). */
    public float get(int... index) {
        return data[flatIndex("get", index)];
    }

    /** A copy of the elements in row-major order. */
    public float[] toFloatArray() {
        return data.clone();
    }

    private int flatIndex(String op, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(op + ": " + index.length + " indices given for a tensor of rank "
                    + shape.length + " " + Shapes.str(shape));
        }
        int flat = 0;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(op + ": index " + index[i] + " is out of range for dimension "
                        + i + " of size " + shape[i]);
            }
            flat = flat * shape[i] + index[i];
        }
        return flat;
    }

    // ---------------------------------------------------------------- autograd

    /** Whether gradients flow to this tensor. */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Marks a leaf tensor as a parameter whose gradient is accumulated by {@link #backward()}.
     * Returns this tensor for chaining.
     */
    public Tensor requiresGrad(boolean enabled) {
        if (node != null) {
            throw new IllegalStateException("requiresGrad: only leaf tensors can change requiresGrad; this one was produced by '"
                    + node.op + "' (use detach() first)");
        }
        this.requiresGrad = enabled;
        return this;
    }

    /** The accumulated gradient, or null if none has been computed. */
    public Tensor grad() {
        return grad;
    }

    /** Forgets the accumulated gradient. */
    public void zeroGrad() {
        grad = null;
    }

    /** The same values, cut off from the graph (shares storage; never requires grad). */
    public Tensor detach() {
        return new Tensor(data, shape);
    }

    /** A copy with its own storage, outside any graph. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** Back-propagates from this one-element tensor (a loss), accumulating into leaf gradients. */
    public void backward() {
        if (data.length != 1) {
            throw new IllegalArgumentException("backward: called on a tensor of shape " + Shapes.str(shape)
                    + "; without an explicit gradient the tensor must have exactly one element (reduce it to a loss first)");
        }
        backward(ones(shape));
    }

    /** Back-propagates {@code gradient} (same shape as this tensor). */
    public void backward(Tensor gradient) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this tensor does not require grad; no input that produced it "
                    + "had requiresGrad(true), or it was computed inside Grad.off()");
        }
        if (!Arrays.equals(gradient.shape, shape)) {
            throw new IllegalArgumentException("backward: gradient shape " + Shapes.str(gradient.shape)
                    + " does not match tensor shape " + Shapes.str(shape));
        }
        Autograd.backward(this, gradient);
    }

    void accumulateGrad(Tensor g) {
        grad = grad == null ? new Tensor(g.data.clone(), shape.clone()) : grad.add(g);
    }

    /** Records {@code out} as produced by {@code op} from {@code inputs}, if any input requires grad. */
    static Tensor record(Tensor out, String op, Node.Backward backward, Tensor... inputs) {
        if (!Grad.isEnabled()) {
            return out;
        }
        for (Tensor input : inputs) {
            if (input != null && input.requiresGrad) {
                out.requiresGrad = true;
                out.node = new Node(op, inputs, backward);
                return out;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- in-place updates (optimizers)

    /** {@code this += alpha * other} in place; other broadcasts to this shape. Not recorded. */
    public Tensor addInPlace(Tensor other, float alpha) {
        checkInPlace("addInPlace");
        InPlace.addScaled(this, other, alpha);
        return this;
    }

    /** {@code this *= factor} in place. Not recorded. */
    public Tensor mulInPlace(float factor) {
        checkInPlace("mulInPlace");
        InPlace.scale(this, factor);
        return this;
    }

    /** Copies {@code source}'s values (same shape) into this tensor. Not recorded. */
    public Tensor copyFrom(Tensor source) {
        checkInPlace("copyFrom");
        if (!Arrays.equals(source.shape, shape)) {
            throw new IllegalArgumentException("copyFrom: source shape " + Shapes.str(source.shape)
                    + " differs from target shape " + Shapes.str(shape));
        }
        System.arraycopy(source.data, 0, data, 0, data.length);
        return this;
    }

    /** Sets every element to {@code value}. Not recorded. */
    public Tensor fill(float value) {
        checkInPlace("fill");
        Arrays.fill(data, value);
        return this;
    }

    private void checkInPlace(String op) {
        if (node != null && Grad.isEnabled()) {
            throw new IllegalStateException(op + ": cannot modify a tensor that is part of a recorded graph (op '"
                    + node.op + "')");
        }
        if (requiresGrad && Grad.isEnabled()) {
            throw new IllegalStateException(op + ": in-place update of a tensor that requires grad must run inside "
                    + "try (var g = Grad.off()) { ... }");
        }
    }

    // ---------------------------------------------------------------- elementwise

    /** {@code this + other}, broadcasting. */
    public Tensor add(Tensor other) {
        return Elementwise.add(this, other);
    }

    /** {@code this + value}. */
    public Tensor add(float value) {
        return Elementwise.affine(this, 1f, value);
    }

    /** {@code this - other}, broadcasting. */
    public Tensor sub(Tensor other) {
        return Elementwise.sub(this, other);
    }

    /** {@code this - value}. */
    public Tensor sub(float value) {
        return Elementwise.affine(this, 1f, -value);
    }

    /** {@code this * other}, broadcasting. */
    public Tensor mul(Tensor other) {
        return Elementwise.mul(this, other);
    }

    /** {@code this * value}. */
    public Tensor mul(float value) {
        return Elementwise.affine(this, value, 0f);
    }

    /** {@code this / other}, broadcasting. */
    public Tensor div(Tensor other) {
        return Elementwise.div(this, other);
    }

    /** {@code this / value}. */
    public Tensor div(float value) {
        return Elementwise.affine(this, 1f / value, 0f);
    }

    /** {@code -this}. */
    public Tensor neg() {
        return Elementwise.affine(this, -1f, 0f);
    }

    /** {@code this ^ exponent}, elementwise. */
    public Tensor pow(float exponent) {
        return Elementwise.pow(this, exponent);
    }

    /** {@code this ^ exponent}, elementwise with broadcasting (this must be positive where the exponent's gradient is needed). */
    public Tensor pow(Tensor exponent) {
        return Elementwise.pow(this, exponent);
    }

    /** e^x. */
    public Tensor exp() {
        return Elementwise.exp(this);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return Elementwise.log(this);
    }

    /** Square root. */
    public Tensor sqrt() {
        return Elementwise.sqrt(this);
    }

    /** Absolute value (gradient 0 at 0). */
    public Tensor abs() {
        return Elementwise.abs(this);
    }

    /** Hyperbolic tangent. */
    public Tensor tanh() {
        return Elementwise.tanh(this);
    }

    /** Logistic sigmoid 1 / (1 + e^-x), computed without overflow. */
    public Tensor sigmoid() {
        return Elementwise.sigmoid(this);
    }

    /** max(x, 0) (gradient 0 at 0). */
    public Tensor relu() {
        return Elementwise.relu(this);
    }

    /** Clamps into [min, max]; the gradient is 0 where clamped. */
    public Tensor clamp(float min, float max) {
        return Elementwise.clamp(this, min, max);
    }

    /** Elementwise maximum, broadcasting; ties send the gradient to {@code this}. */
    public Tensor maximum(Tensor other) {
        return Elementwise.maximum(this, other);
    }

    /** Elementwise minimum, broadcasting; ties send the gradient to {@code this}. */
    public Tensor minimum(Tensor other) {
        return Elementwise.minimum(this, other);
    }

    /** 1 where {@code this > other}, else 0 (not differentiable). */
    public Tensor gt(Tensor other) {
        return Elementwise.compare(this, other, Elementwise.Comparison.GT);
    }

    /** 1 where {@code this >= other}, else 0. */
    public Tensor ge(Tensor other) {
        return Elementwise.compare(this, other, Elementwise.Comparison.GE);
    }

    /** 1 where {@code this < other}, else 0. */
    public Tensor lt(Tensor other) {
        return Elementwise.compare(this, other, Elementwise.Comparison.LT);
    }

    /** 1 where {@code this <= other}, else 0. */
    public Tensor le(Tensor other) {
        return Elementwise.compare(this, other, Elementwise.Comparison.LE);
    }

    /** 1 where {@code this == other}, else 0. */
    public Tensor eq(Tensor other) {
        return Elementwise.compare(this, other, Elementwise.Comparison.EQ);
    }

    /** 1 where {@code this != other}, else 0. */
    public Tensor ne(Tensor other) {
        return Elementwise.compare(this, other, Elementwise.Comparison.NE);
    }

    /** 1 where {@code this > value}, else 0. */
    public Tensor gt(float value) {
        return gt(scalar(value));
    }

    /** 1 where {@code this < value}, else 0. */
    public Tensor lt(float value) {
        return lt(scalar(value));
    }

    /** 1 where {@code this == value}, else 0. */
    public Tensor eq(float value) {
        return eq(scalar(value));
    }

    /** Picks {@code ifTrue} where {@code condition} is non-zero, else {@code ifFalse}; all three broadcast. */
    public static Tensor where(Tensor condition, Tensor ifTrue, Tensor ifFalse) {
        return Elementwise.where(condition, ifTrue, ifFalse);
    }

    // ---------------------------------------------------------------- reductions

    /** Sum of all elements (rank 0). */
    public Tensor sum() {
        return Reductions.sum(this, new int[0], false);
    }

    /** Sum over {@code axes} (none: all), dropping them. */
    public Tensor sum(int... axes) {
        return Reductions.sum(this, axes, false);
    }

    /** Sum over {@code axes} (none: all), keeping them as size 1 if {@code keepDims}. */
    public Tensor sum(int[] axes, boolean keepDims) {
        return Reductions.sum(this, axes, keepDims);
    }

    /** Mean of all elements. */
    public Tensor mean() {
        return Reductions.mean(this, new int[0], false);
    }

    /** Mean over {@code axes} (none: all), dropping them. */
    public Tensor mean(int... axes) {
        return Reductions.mean(this, axes, false);
    }

    /** Mean over {@code axes}, keeping them as size 1 if {@code keepDims}. */
    public Tensor mean(int[] axes, boolean keepDims) {
        return Reductions.mean(this, axes, keepDims);
    }

    /** Largest element. */
    public Tensor max() {
        return Reductions.extreme(this, new int[0], false, true);
    }

    /** Largest over {@code axes}; the gradient goes to the first largest element. */
    public Tensor max(int[] axes, boolean keepDims) {
        return Reductions.extreme(this, axes, keepDims, true);
    }

    /** Smallest element. */
    public Tensor min() {
        return Reductions.extreme(this, new int[0], false, false);
    }

    /** Smallest over {@code axes}; the gradient goes to the first smallest element. */
    public Tensor min(int[] axes, boolean keepDims) {
        return Reductions.extreme(this, axes, keepDims, false);
    }

    /** Population variance (divide by n, as NumPy's default) over {@code axes} (none: all). */
    public Tensor var(int[] axes, boolean keepDims) {
        return var(axes, keepDims, 0);
    }

    /** Variance over {@code axes} dividing by {@code n - ddof} (ddof 1: PyTorch's unbiased default). */
    public Tensor var(int[] axes, boolean keepDims, int ddof) {
        return Reductions.var(this, axes, keepDims, ddof);
    }

    /** Index of the first largest element along {@code axis}, as float values; not differentiable. */
    public Tensor argmax(int axis) {
        return Reductions.argExtreme(this, axis, true);
    }

    /** Index of the first smallest element along {@code axis}. */
    public Tensor argmin(int axis) {
        return Reductions.argExtreme(this, axis, false);
    }

    // ---------------------------------------------------------------- linear algebra

    /**
     * Matrix product with NumPy's {@code matmul} rules: 2-D × 2-D, batched over leading dimensions
     * with broadcasting, and 1-D operands promoted to a row (left) or column (right) vector.
     */
    public Tensor matmul(Tensor other) {
        return MatMul.matmul(this, other);
    }

    // ---------------------------------------------------------------- shape

    /** The same elements with a new shape (one dimension may be -1); shares storage. */
    public Tensor reshape(int... newShape) {
        return ShapeOps.reshape(this, newShape);
    }

    /** All elements as one dimension. */
    public Tensor flatten() {
        return reshape(data.length);
    }

    /** Removes dimension {@code axis}, which must have size 1. */
    public Tensor squeeze(int axis) {
        return ShapeOps.squeeze(this, axis);
    }

    /** Inserts a dimension of size 1 at {@code axis} (0..rank). */
    public Tensor unsqueeze(int axis) {
        return ShapeOps.unsqueeze(this, axis);
    }

    /** Reorders dimensions: result dimension i is this tensor's dimension {@code order[i]}. */
    public Tensor permute(int... order) {
        return ShapeOps.permute(this, order);
    }

    /** Swaps two dimensions. */
    public Tensor transpose(int axis0, int axis1) {
        return ShapeOps.transpose(this, axis0, axis1);
    }

    /** Broadcasts to {@code target} shape (a copy). */
    public Tensor broadcastTo(int... target) {
        return ShapeOps.broadcastTo(this, target);
    }

    /** Elements {@code start, start+step, …} below {@code end} along {@code axis} (negative indices count from the end). */
    public Tensor slice(int axis, int start, int end, int step) {
        return ShapeOps.slice(this, axis, start, end, step);
    }

    /** Elements {@code start..end-1} along {@code axis}. */
    public Tensor slice(int axis, int start, int end) {
        return ShapeOps.slice(this, axis, start, end, 1);
    }

    /** Joins tensors along an existing axis; all other dimensions must match. */
    public static Tensor concat(int axis, Tensor... tensors) {
        return ShapeOps.concat(axis, tensors);
    }

    /** Stacks equally shaped tensors along a new axis. */
    public static Tensor stack(int axis, Tensor... tensors) {
        return ShapeOps.stack(axis, tensors);
    }

    /** Selects entries {@code indices} along {@code axis} (like {@code torch.index_select}). */
    public Tensor indexSelect(int axis, int... indices) {
        return IndexOps.indexSelect(this, axis, indices);
    }

    /**
     * {@code out[i][j] = this[i][index[i][j]]} along {@code axis} (like {@code torch.gather}); index
     * has this tensor's rank and holds integral values.
     */
    public Tensor gather(int axis, Tensor index) {
        return IndexOps.gather(this, axis, index);
    }

    // ---------------------------------------------------------------- neural-network building blocks

    /** Softmax along {@code axis}, stable for large inputs. */
    public Tensor softmax(int axis) {
        return Softmax.softmax(this, axis);
    }

    /** log(softmax) along {@code axis}, computed as x - logsumexp(x). */
    public Tensor logSoftmax(int axis) {
        return Softmax.logSoftmax(this, axis);
    }

    /** Inverted dropout: zeroes elements with probability p and scales the rest; identity when not training. */
    public Tensor dropout(float p, Rng rng, boolean training) {
        if (!training || p == 0f) {
            return this;
        }
        return mul(dropoutMask(rng, p, shape));
    }

    /**
     * 2-D convolution (cross-correlation, as in PyTorch) of an NCHW input with weight
     * [outChannels, inChannels, kh, kw] and an optional bias [outChannels], with zero padding.
     */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return Convolution.conv2d(this, weight, bias, stride, stride, padding, padding, false);
    }

    /** 2-D convolution with separate vertical and horizontal stride and padding. */
    public Tensor conv2d(Tensor weight, Tensor bias, int strideH, int strideW, int padH, int padW) {
        return Convolution.conv2d(this, weight, bias, strideH, strideW, padH, padW, false);
    }

    /**
     * {@code conv2d(weight, bias, stride, padding).relu()} as one op: the same values and gradients,
     * bit for bit, without writing the convolution's output and its gradient a second time (the relu
     * is applied while the output is copied into place, and its mask while the gradient is).
     */
    public Tensor conv2dRelu(Tensor weight, Tensor bias, int stride, int padding) {
        return Convolution.conv2d(this, weight, bias, stride, stride, padding, padding, true);
    }

    /**
     * {@code conv2dRelu(weight, bias, stride, padding).maxPool2d(size, poolStride, 0)} as one op: the
     * same values and gradients, bit for bit, without writing the convolution's output (the classic
     * convolution-pooling block of a CNN).
     */
    public Tensor conv2dReluMaxPool(Tensor weight, Tensor bias, int stride, int padding, int size, int poolStride) {
        return Convolution.conv2dReluMaxPool(this, weight, bias, stride, padding, size, poolStride);
    }

    /** Max pooling over k×k windows of an NCHW tensor (padding counts as -infinity). */
    public Tensor maxPool2d(int kernel, int stride, int padding) {
        return Pooling.maxPool2d(this, kernel, stride, padding);
    }

    /** Average pooling over k×k windows of an NCHW tensor (zero padding counts in the average, as PyTorch's default). */
    public Tensor avgPool2d(int kernel, int stride, int padding) {
        return Pooling.avgPool2d(this, kernel, stride, padding);
    }

    // ---------------------------------------------------------------- objects

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Tensor").append(Shapes.str(shape));
        if (requiresGrad) {
            sb.append(node == null ? " requiresGrad" : " grad_fn=" + node.op);
        }
        sb.append(' ');
        int shown = Math.min(data.length, 10);
        sb.append('[');
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(data[i]);
        }
        if (shown < data.length) {
            sb.append(", … (").append(data.length - shown).append(" more)");
        }
        return sb.append(']').toString();
    }
}
