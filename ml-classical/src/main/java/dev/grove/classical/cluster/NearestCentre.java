package dev.grove.classical.cluster;

/**
 * Prediction-time distances from rows to a fitted model's centres, summed directly (no norm
 * expansion, so no cancellation). Rows are independent, so spreading blocks over threads cannot
 * change a result.
 */
final class NearestCentre {

    private NearestCentre() {
    }

    /** The index of the nearest of the k centres (k × d, row-major) to each row of {@code x} (lowest index on ties). */
    static int[] labels(double[] x, int d, double[] centres, int k) {
        int n = x.length / d;
        int[] labels = new int[n];
        RowBlocks blocks = new RowBlocks(n);
        RowBlocks.run(blocks.tasks, true, task -> {
            for (int i = blocks.taskStart(task); i < blocks.taskEnd(task); i++) {
                labels[i] = nearest(x, i * d, d, centres, k);
            }
        });
        return labels;
    }

    /** The nearest of the k centres to the row of {@code x} starting at {@code offset}. */
    static int nearest(double[] x, int offset, int d, double[] centres, int k) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double s = squaredDistance(x, offset, centres, c * d, d);
            if (s < bestDistance) {
                bestDistance = s;
                best = c;
            }
        }
        return best;
    }

    /** Euclidean distance of each row of {@code x} to each of the k centres, row-major (rows × k). */
    static double[] distances(double[] x, int d, double[] centres, int k) {
        int n = x.length / d;
        double[] out = new double[n * k];
        RowBlocks blocks = new RowBlocks(n);
        RowBlocks.run(blocks.tasks, true, task -> {
            for (int i = blocks.taskStart(task); i < blocks.taskEnd(task); i++) {
                for (int c = 0; c < k; c++) {
                    out[i * k + c] = Math.sqrt(squaredDistance(x, i * d, centres, c * d, d));
                }
            }
        });
        return out;
    }

    /** Σ_i min_c ‖x_i − c‖², the tasks' partial sums added in order. */
    static double inertia(double[] x, int d, double[] centres, int k, boolean parallel) {
        int n = x.length / d;
        RowBlocks blocks = new RowBlocks(n);
        double[] partial = new double[blocks.tasks];
        RowBlocks.run(blocks.tasks, parallel, task -> {
            double s = 0;
            for (int i = blocks.taskStart(task); i < blocks.taskEnd(task); i++) {
                double nearest = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    nearest = Math.min(nearest, squaredDistance(x, i * d, centres, c * d, d));
                }
                s += nearest;
            }
            partial[task] = s;
        });
        double total = 0;
        for (double part : partial) {
            total += part;
        }
        return total;
    }

    /**
     * ‖a − b‖² over d values starting at {@code ao} and {@code bo}, in four interleaved partial sums
     * so the additions overlap instead of waiting on each other.
     */
    static double squaredDistance(double[] a, int ao, double[] b, int bo, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < d; j += 4) {
            double e0 = a[ao + j] - b[bo + j];
            double e1 = a[ao + j + 1] - b[bo + j + 1];
            double e2 = a[ao + j + 2] - b[bo + j + 2];
            double e3 = a[ao + j + 3] - b[bo + j + 3];
            s0 += e0 * e0;
            s1 += e1 * e1;
            s2 += e2 * e2;
            s3 += e3 * e3;
        }
        for (; j < d; j++) {
            double e = a[ao + j] - b[bo + j];
            s0 += e * e;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
