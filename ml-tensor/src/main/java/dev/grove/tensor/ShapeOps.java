package dev.grove.tensor;

import java.util.Arrays;

/** Reshaping, reordering, slicing and joining, with their gradients. */
final class ShapeOps {

    private ShapeOps() {
    }

    static Tensor reshape(Tensor x, int[] newShape) {
        int[] shape = newShape.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension may be -1 in " + Shapes.str(newShape));
                }
                inferred = i;
            } else if (shape[i] < 0) {
                throw new IllegalArgumentException("reshape: dimension " + i + " of " + Shapes.str(newShape) + " is negative");
            } else {
                known *= shape[i];
            }
        }
        if (inferred >= 0) {
            if (known == 0 || x.data.length % known != 0) {
                throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(x.shape) + " ("
                        + x.data.length + " elements) into " + Shapes.str(newShape));
            }
            shape[inferred] = (int) (x.data.length / known);
        }
        if (Shapes.size(shape) != x.data.length) {
            throw new IllegalArgumentException("reshape: cannot reshape " + Shapes.str(x.shape) + " ("
                    + x.data.length + " elements) into " + Shapes.str(newShape) + " (" + Shapes.size(shape) + " elements)");
        }
        int[] original = x.shape;
        return Tensor.record(new Tensor(x.data, shape), "reshape", g -> new Tensor[] {g.reshape(original)}, x);
    }

    static Tensor squeeze(Tensor x, int axis) {
        int a = Shapes.axis("squeeze", axis, x.rank());
        if (x.shape[a] != 1) {
            throw new IllegalArgumentException("squeeze: dimension " + axis + " of shape " + Shapes.str(x.shape)
                    + " has size " + x.shape[a] + ", not 1");
        }
        int[] shape = new int[x.rank() - 1];
        for (int i = 0, j = 0; i < x.rank(); i++) {
            if (i != a) {
                shape[j++] = x.shape[i];
            }
        }
        return reshape(x, shape);
    }

    static Tensor unsqueeze(Tensor x, int axis) {
        int a = Shapes.axis("unsqueeze", axis, x.rank() + 1);
        int[] shape = new int[x.rank() + 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            shape[i] = i == a ? 1 : x.shape[j++];
        }
        return reshape(x, shape);
    }

    static Tensor permute(Tensor x, int[] order) {
        int rank = x.rank();
        if (order.length != rank) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " has " + order.length
                    + " entries but the tensor " + Shapes.str(x.shape) + " has rank " + rank);
        }
        int[] resolved = new int[rank];
        boolean[] seen = new boolean[rank];
        for (int i = 0; i < rank; i++) {
            resolved[i] = Shapes.axis("permute", order[i], rank);
            if (seen[resolved[i]]) {
                throw new IllegalArgumentException("permute: axis " + order[i] + " appears twice in " + Arrays.toString(order));
            }
            seen[resolved[i]] = true;
        }
        int[] shape = new int[rank];
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = x.shape[resolved[i]];
            inverse[resolved[i]] = i;
        }
        return Tensor.record(new Tensor(permuteData(x.data, x.shape, resolved), shape), "permute",
                g -> new Tensor[] {g.permute(inverse)}, x);
    }

    static Tensor transpose(Tensor x, int axis0, int axis1) {
        int rank = x.rank();
        int a = Shapes.axis("transpose", axis0, rank);
        int b = Shapes.axis("transpose", axis1, rank);
        int[] order = new int[rank];
        for (int i = 0; i < rank; i++) {
            order[i] = i;
        }
        order[a] = b;
        order[b] = a;
        return permute(x, order);
    }

    /** The elements of a tensor of {@code shape} rearranged so result dimension i is source dimension order[i]. */
    static float[] permuteData(float[] src, int[] shape, int[] order) {
        int rank = shape.length;
        float[] out = new float[src.length];
        if (src.length == 0) {
            return out;
        }
        int[] srcStrides = Shapes.strides(shape);
        int[] outShape = new int[rank];
        int[] stride = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = shape[order[i]];
            stride[i] = srcStrides[order[i]];
        }
        if (rank == 0) {
            out[0] = src[0];
            return out;
        }
        int inner = outShape[rank - 1];
        int innerStride = stride[rank - 1];
        int rows = src.length / inner;
        int rowsPerTask = Math.max(1, Elementwise.CHUNK / inner);
        int tasks = (rows + rowsPerTask - 1) / rowsPerTask;
        ThreadBudget.parallelFor(tasks, t -> {
            int end = Math.min(rows, (t + 1) * rowsPerTask);
            for (int row = t * rowsPerTask; row < end; row++) {
                int base = 0;
                int rest = row;
                for (int d = rank - 2; d >= 0; d--) {
                    base += (rest % outShape[d]) * stride[d];
                    rest /= outShape[d];
                }
                int o = row * inner;
                for (int i = 0; i < inner; i++) {
                    out[o + i] = src[base + i * innerStride];
                }
            }
        });
        return out;
    }

    static Tensor broadcastTo(Tensor x, int[] target) {
        int[] shape = Shapes.broadcast("broadcastTo", x.shape, target);
        if (!Arrays.equals(shape, target)) {
            throw new IllegalArgumentException("broadcastTo: shape " + Shapes.str(x.shape)
                    + " cannot be broadcast to " + Shapes.str(target));
        }
        if (Arrays.equals(x.shape, target)) {
            return x;
        }
        int[] source = x.shape;
        float[] out = new float[Shapes.size(target)];
        int rank = target.length;
        int[] strides = Shapes.broadcastStrides(source, target);
        if (out.length > 0) {
            int inner = target[rank - 1];
            int innerStride = strides[rank - 1];
            int rows = out.length / inner;
            for (int row = 0; row < rows; row++) {
                int base = 0;
                int rest = row;
                for (int d = rank - 2; d >= 0; d--) {
                    base += (rest % target[d]) * strides[d];
                    rest /= target[d];
                }
                int o = row * inner;
                if (innerStride == 1) {
                    System.arraycopy(x.data, base, out, o, inner);
                } else {
                    Arrays.fill(out, o, o + inner, x.data[base]);
                }
            }
        }
        return Tensor.record(new Tensor(out, target.clone()), "broadcastTo",
                g -> new Tensor[] {Elementwise.sumToShape(g, source)}, x);
    }

    static Tensor slice(Tensor x, int axis, int start, int end, int step) {
        int a = Shapes.axis("slice", axis, x.rank());
        if (step <= 0) {
            throw new IllegalArgumentException("slice: step must be positive, got " + step);
        }
        int len = x.shape[a];
        int from = clampIndex(start, len);
        int to = clampIndex(end, len);
        int count = to <= from ? 0 : (to - from + step - 1) / step;
        int[] shape = x.shape.clone();
        shape[a] = count;
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= x.shape[i];
        }
        int inner = 1;
        for (int i = a + 1; i < x.rank(); i++) {
            inner *= x.shape[i];
        }
        float[] out = new float[outer * count * inner];
        for (int o = 0; o < outer; o++) {
            for (int c = 0; c < count; c++) {
                System.arraycopy(x.data, (o * len + from + c * step) * inner, out, (o * count + c) * inner, inner);
            }
        }
        int innerSize = inner;
        int outerSize = outer;
        return Tensor.record(new Tensor(out, shape), "slice", g -> {
            float[] back = new float[x.data.length];
            for (int o = 0; o < outerSize; o++) {
                for (int c = 0; c < count; c++) {
                    System.arraycopy(g.data, (o * count + c) * innerSize, back, (o * len + from + c * step) * innerSize, innerSize);
                }
            }
            return new Tensor[] {new Tensor(back, x.shape.clone())};
        }, x);
    }

    /** Python-style index: negative counts from the end, then clamped into [0, len]. */
    private static int clampIndex(int index, int len) {
        int i = index < 0 ? index + len : index;
        return Math.max(0, Math.min(len, i));
    }

    static Tensor concat(int axis, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("concat: needs at least one tensor");
        }
        Tensor first = tensors[0];
        int a = Shapes.axis("concat", axis, first.rank());
        int total = 0;
        for (int t = 0; t < tensors.length; t++) {
            Tensor x = tensors[t];
            boolean compatible = x.rank() == first.rank();
            for (int i = 0; compatible && i < x.rank(); i++) {
                compatible = i == a || x.shape[i] == first.shape[i];
            }
            if (!compatible) {
                throw new IllegalArgumentException("concat: tensor " + t + " has shape " + Shapes.str(x.shape)
                        + " but tensor 0 has shape " + Shapes.str(first.shape) + "; all dimensions except axis "
                        + axis + " must match");
            }
            total += x.shape[a];
        }
        int[] shape = first.shape.clone();
        shape[a] = total;
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= first.shape[i];
        }
        int inner = 1;
        for (int i = a + 1; i < first.rank(); i++) {
            inner *= first.shape[i];
        }
        float[] out = new float[outer * total * inner];
        int offset = 0;
        int[] starts = new int[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            Tensor x = tensors[t];
            starts[t] = offset;
            int block = x.shape[a] * inner;
            for (int o = 0; o < outer; o++) {
                System.arraycopy(x.data, o * block, out, (o * total + offset) * inner, block);
            }
            offset += x.shape[a];
        }
        return Tensor.record(new Tensor(out, shape), "concat", g -> {
            Tensor[] grads = new Tensor[tensors.length];
            for (int t = 0; t < tensors.length; t++) {
                if (tensors[t].requiresGrad()) {
                    grads[t] = g.slice(a, starts[t], starts[t] + tensors[t].shape[a]);
                }
            }
            return grads;
        }, tensors);
    }

    static Tensor stack(int axis, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        int a = Shapes.axis("stack", axis, tensors[0].rank() + 1);
        Tensor[] expanded = new Tensor[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            if (!Arrays.equals(tensors[t].shape, tensors[0].shape)) {
                throw new IllegalArgumentException("stack: tensor " + t + " has shape " + Shapes.str(tensors[t].shape)
                        + " but tensor 0 has shape " + Shapes.str(tensors[0].shape) + "; all must match");
            }
            expanded[t] = tensors[t].unsqueeze(a);
        }
        return concat(a, expanded);
    }
}
