package dev.grove.tensor;

/** Indexing ops (index-select, gather) and their scatter-add gradients. */
final class IndexOps {

    private IndexOps() {
    }

    static Tensor indexSelect(Tensor x, int axis, int[] indices) {
        int a = Shapes.axis("indexSelect", axis, x.rank());
        int len = x.shape[a];
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= len) {
                throw new IndexOutOfBoundsException("indexSelect: index " + indices[i] + " at position " + i
                        + " is out of range for dimension " + axis + " of size " + len);
            }
        }
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= x.shape[i];
        }
        int inner = 1;
        for (int i = a + 1; i < x.rank(); i++) {
            inner *= x.shape[i];
        }
        int[] shape = x.shape.clone();
        shape[a] = indices.length;
        int[] idx = indices.clone();
        float[] out = new float[outer * idx.length * inner];
        for (int o = 0; o < outer; o++) {
            for (int j = 0; j < idx.length; j++) {
                System.arraycopy(x.data, (o * len + idx[j]) * inner, out, (o * idx.length + j) * inner, inner);
            }
        }
        int outerSize = outer;
        int innerSize = inner;
        return Tensor.record(new Tensor(out, shape), "indexSelect", g -> {
            float[] back = new float[x.data.length];
            for (int o = 0; o < outerSize; o++) {
                for (int j = 0; j < idx.length; j++) {
                    int src = (o * idx.length + j) * innerSize;
                    int dst = (o * len + idx[j]) * innerSize;
                    for (int i = 0; i < innerSize; i++) {
                        back[dst + i] += g.data[src + i];
                    }
                }
            }
            return new Tensor[] {new Tensor(back, x.shape.clone())};
        }, x);
    }

    static Tensor gather(Tensor x, int axis, Tensor index) {
        int rank = x.rank();
        int a = Shapes.axis("gather", axis, rank);
        if (index.rank() != rank) {
            throw new IllegalArgumentException("gather: index has rank " + index.rank() + " (shape "
                    + Shapes.str(index.shape) + ") but the input has rank " + rank + " (shape " + Shapes.str(x.shape) + ")");
        }
        for (int d = 0; d < rank; d++) {
            if (d != a && index.shape[d] > x.shape[d]) {
                throw new IllegalArgumentException("gather: index shape " + Shapes.str(index.shape)
                        + " exceeds input shape " + Shapes.str(x.shape) + " in dimension " + d);
            }
        }
        int[] xStrides = Shapes.strides(x.shape);
        int n = index.data.length;
        int[] sourceOffsets = new int[n];
        int[] counter = new int[rank];
        for (int i = 0; i < n; i++) {
            float raw = index.data[i];
            int k = (int) raw;
            if (k != raw || k < 0 || k >= x.shape[a]) {
                throw new IndexOutOfBoundsException("gather: index value " + raw + " is not an integer in [0, "
                        + x.shape[a] + ") for dimension " + axis);
            }
            int offset = 0;
            for (int d = 0; d < rank; d++) {
                offset += (d == a ? k : counter[d]) * xStrides[d];
            }
            sourceOffsets[i] = offset;
            for (int d = rank - 1; d >= 0; d--) {
                if (++counter[d] < index.shape[d]) {
                    break;
                }
                counter[d] = 0;
            }
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = x.data[sourceOffsets[i]];
        }
        return Tensor.record(new Tensor(out, index.shape.clone()), "gather", g -> {
            float[] back = new float[x.data.length];
            for (int i = 0; i < n; i++) {
                back[sourceOffsets[i]] += g.data[i];
            }
            return new Tensor[] {new Tensor(back, x.shape.clone()), null};
        }, x, index);
    }
}
