package dev.grove.neural.train;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.tensor.Rng;
import java.util.List;

/** Small datasets for the trainer's tests. */
final class ToyData {

    private ToyData() {
    }

    /**
     * Three well separated Gaussian blobs in the plane (centres (0, 3), (3, -2), (-3, -2), spread
     * 0.5), {@code perClass} rows each, rows of the classes interleaved.
     */
    static Dataset blobs(int perClass, long seed) {
        Rng rng = new Rng(seed);
        double[][] centres = {{0, 3}, {3, -2}, {-3, -2}};
        int n = perClass * 3;
        float[] x = new float[n * 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[2 * i] = (float) (centres[c][0] + 0.5 * rng.nextGaussian());
            x[2 * i + 1] = (float) (centres[c][1] + 0.5 * rng.nextGaussian());
            y[i] = c;
        }
        return Dataset.ofFloats(x, y, new Schema(List.of("x1", "x2"), "class", List.of("a", "b", "c")));
    }

    /** {@code y = 2·x1 − x2 + 0.5} at {@code n} points drawn uniformly from [-1, 1]², without noise. */
    static Dataset line(int n, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 2 * rng.nextDouble() - 1;
            x[i][1] = 2 * rng.nextDouble() - 1;
            y[i] = 2 * x[i][0] - x[i][1] + 0.5;
        }
        return Dataset.of(x, y, new Schema(List.of("x1", "x2"), "y", List.of()));
    }

    /** {@code n} rows whose single feature is the row's index, class {@code index % classes}. */
    static Dataset rowIds(int n, int classes) {
        float[] x = new float[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i % classes;
        }
        List<String> labels = java.util.stream.IntStream.range(0, classes).mapToObj(c -> "c" + c).toList();
        return Dataset.ofFloats(x, y, new Schema(List.of("id"), "class", labels));
    }
}
