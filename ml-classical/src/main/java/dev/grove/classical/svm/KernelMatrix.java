package dev.grove.classical.svm;

/**
 * The matrix Q of a binary C-SVC dual, Q_ij = y_i y_j K(x_i, x_j), served row by row from a
 * {@link KernelRowCache} (libsvm's {@code SVC_Q}). Rows are float32 as in libsvm, which doubles the
 * rows the cache holds; the diagonal is float64.
 *
 * <p>A kernel row is computed in blocks of {@link #BLOCK} positions: the dot products of row i with
 * the block ({@link Dots}), then the kernel function of each. The solver permutes rows while
 * shrinking ({@link #swap}); the matrix follows, so the positions the solver sees are always the
 * ones stored.
 */
final class KernelMatrix {

    /** Positions per block of a row computation: 4 KiB of float64 dot products. */
    private static final int BLOCK = 512;

    private final Kernel kernel;
    private final int size;
    private final int features;
    private final double[] x;
    private final double[] squaredNorms;
    private final byte[] y;
    private final double[] diagonal;
    private final KernelRowCache cache;
    private final double[] dots = new double[BLOCK];

    /**
     * Q over rows {@code rows} of {@code x} (row-major, {@code features} per row) with labels
     * {@code y} (+1 or −1), caching rows within {@code cacheBytes}.
     */
    KernelMatrix(Kernel kernel, double[] x, int features, int[] rows, byte[] y, long cacheBytes) {
        this.kernel = kernel;
        this.size = rows.length;
        this.features = features;
        this.x = new double[features * size];
        this.squaredNorms = new double[size];
        for (int r = 0; r < size; r++) {
            System.arraycopy(x, rows[r] * features, this.x, r * features, features);
            squaredNorms[r] = Dots.of(this.x, r * features, this.x, r * features, features);
        }
        this.y = y.clone();
        this.diagonal = new double[size];
        for (int r = 0; r < size; r++) {
            diagonal[r] = kernelValue(r, r);
        }
        this.cache = new KernelRowCache(size, cacheBytes);
    }

    /** Number of rows. */
    int size() {
        return size;
    }

    /** Q_ii = K(x_i, x_i) of every position (the array itself, permuted by {@link #swap}). */
    double[] diagonal() {
        return diagonal;
    }

    /** Label (+1 or −1) at position {@code i}. */
    byte label(int i) {
        return y[i];
    }

    /**
     * Row {@code i} of Q, valid at positions [0, length): cached values plus newly computed ones.
     * The array may be longer; it stays valid (not overwritten) until positions are swapped.
     */
    float[] row(int i, int length) {
        int filled = cache.request(i, length);
        float[] row = cache.row(i);
        for (int start = filled; start < length; start += BLOCK) {
            fill(i, row, start, Math.min(length, start + BLOCK));
        }
        return row;
    }

    /** Exchanges positions {@code i} and {@code j}: their data, labels, diagonal and cached rows and columns. */
    void swap(int i, int j) {
        if (i == j) {
            return;
        }
        cache.swap(i, j);
        for (int f = 0, a = i * features, b = j * features; f < features; f++, a++, b++) {
            double v = x[a];
            x[a] = x[b];
            x[b] = v;
        }
        double norm = squaredNorms[i];
        squaredNorms[i] = squaredNorms[j];
        squaredNorms[j] = norm;
        byte label = y[i];
        y[i] = y[j];
        y[j] = label;
        double d = diagonal[i];
        diagonal[i] = diagonal[j];
        diagonal[j] = d;
    }

    /** Computes Q_ij for j in [from, to), at most {@link #BLOCK} positions. */
    private void fill(int i, float[] row, int from, int to) {
        int n = to - from;
        Dots.ofRows(x, i * features, x, from * features, n, features, dots, 0);
        byte yi = y[i];
        switch (kernel.type) {
            case RBF -> {
                double gamma = kernel.gamma;
                double normI = squaredNorms[i];
                for (int t = 0; t < n; t++) {
                    int j = from + t;
                    float value = (float) Math.exp(-gamma * (normI + squaredNorms[j] - 2 * dots[t]));
                    row[j] = y[j] == yi ? value : -value;
                }
            }
            case LINEAR -> {
                for (int t = 0; t < n; t++) {
                    int j = from + t;
                    float value = (float) dots[t];
                    row[j] = y[j] == yi ? value : -value;
                }
            }
            default -> {
                for (int t = 0; t < n; t++) {
                    int j = from + t;
                    float value = (float) kernel.ofDot(dots[t]);
                    row[j] = y[j] == yi ? value : -value;
                }
            }
        }
    }

    private double kernelValue(int i, int j) {
        double dot = Dots.of(x, i * features, x, j * features, features);
        return kernel.type == Kernel.Type.RBF ? kernel.rbf(squaredNorms[i], squaredNorms[j], dot) : kernel.ofDot(dot);
    }
}
