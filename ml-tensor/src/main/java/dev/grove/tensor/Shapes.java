package dev.grove.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by the ops: sizes, strides, broadcasting and axis checks. */
final class Shapes {

    private Shapes() {
    }

    static int size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape)
                    + " has " + n + " elements; the limit is " + (Integer.MAX_VALUE - 8));
        }
        return (int) n;
    }

    static int[] checkedShape(String op, int... shape) {
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw new IllegalArgumentException(op + ": dimension " + i + " of shape "
                        + Arrays.toString(shape) + " is negative");
            }
        }
        return shape.clone();
    }

    /** Row-major strides in elements. */
    static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /** NumPy broadcasting of two shapes, or an error naming the op and both shapes. */
    static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException(op + ": shapes " + Arrays.toString(a) + " and "
                        + Arrays.toString(b) + " cannot be broadcast together (dimension " + i
                        + " of the result: " + da + " vs " + db + ")");
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /**
     * Strides for reading a tensor of shape {@code shape} as if it had the (broadcast) shape
     * {@code target}: 0 along dimensions that are broadcast.
     */
    static int[] broadcastStrides(int[] shape, int[] target) {
        int[] own = strides(shape);
        int[] out = new int[target.length];
        int offset = target.length - shape.length;
        for (int i = 0; i < shape.length; i++) {
            out[i + offset] = shape[i] == 1 && target[i + offset] != 1 ? 0 : own[i];
        }
        return out;
    }

    /** Resolves a possibly negative axis, or throws naming the axis and the rank. */
    static int axis(String op, int axis, int rank) {
        int resolved = axis < 0 ? axis + rank : axis;
        if (resolved < 0 || resolved >= rank) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a tensor of rank "
                    + rank + " (valid: " + (rank == 0 ? "none" : -rank + ".." + (rank - 1)) + ")");
        }
        return resolved;
    }

    /** Resolves and de-duplicates axes; no axes means all axes. Result sorted ascending. */
    static int[] axes(String op, int[] axes, int rank) {
        if (axes.length == 0) {
            int[] all = new int[rank];
            for (int i = 0; i < rank; i++) {
                all[i] = i;
            }
            return all;
        }
        boolean[] seen = new boolean[rank];
        for (int a : axes) {
            int r = axis(op, a, rank);
            if (seen[r]) {
                throw new IllegalArgumentException(op + ": axis " + a + " is given twice in " + Arrays.toString(axes));
            }
            seen[r] = true;
        }
        int[] out = new int[axes.length];
        int k = 0;
        for (int i = 0; i < rank; i++) {
            if (seen[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
