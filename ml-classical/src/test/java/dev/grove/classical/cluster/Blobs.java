package dev.grove.classical.cluster;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.List;

/** Small data sets with known cluster structure, built for the clustering tests. */
final class Blobs {

    private Blobs() {
    }

    /** Unlabelled data over features x0, x1, … from row arrays. */
    static Dataset of(double[][] rows) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < rows[0].length; j++) {
            names.add("x" + j);
        }
        return Dataset.of(rows, null, Schema.unlabelled(names));
    }

    /**
     * Three groups of four points, each the centre ± 1 along one axis: (0, 0), (10, 0) and (0, 10).
     * Each group's mean is its centre and its squared distances to it sum to 4, so the best
     * 3-clustering has inertia exactly 12.
     */
    static Dataset crosses() {
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}};
        double[][] offsets = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        double[][] rows = new double[12][];
        for (int g = 0; g < 3; g++) {
            for (int p = 0; p < 4; p++) {
                rows[g * 4 + p] = new double[] {centres[g][0] + offsets[p][0], centres[g][1] + offsets[p][1]};
            }
        }
        return of(rows);
    }

    /** {@code perGroup} standard-normal points around each of {@code centres}, drawn from {@code seed}. */
    static Dataset gaussian(double[][] centres, int perGroup, double spread, long seed) {
        Rng rng = new Rng(seed);
        double[][] rows = new double[centres.length * perGroup][];
        for (int g = 0; g < centres.length; g++) {
            for (int p = 0; p < perGroup; p++) {
                double[] row = new double[centres[g].length];
                for (int j = 0; j < row.length; j++) {
                    row[j] = centres[g][j] + spread * rng.nextGaussian();
                }
                rows[g * perGroup + p] = row;
            }
        }
        return of(rows);
    }
}
