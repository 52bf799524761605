package dev.grove.classical.cluster;

/** Copies between the flat row-major arrays models keep and the nested arrays their accessors hand out. */
final class Matrices {

    private Matrices() {
    }

    /** {@code flat} (count rows, row-major) as {@code count} new row arrays. */
    static double[][] rows(double[] flat, int count) {
        int width = flat.length / count;
        double[][] out = new double[count][width];
        for (int r = 0; r < count; r++) {
            System.arraycopy(flat, r * width, out[r], 0, width);
        }
        return out;
    }
}
