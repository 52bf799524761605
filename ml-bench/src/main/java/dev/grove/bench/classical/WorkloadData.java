package dev.grove.bench.classical;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data of the benchmark workloads: read from the CSV files that {@code sklearn_classical.py} (the
 * same code as the reference's {@code export_bench_data.py}) writes, so Grove and scikit-learn fit the
 * very same numbers; or, where those files are absent (no Python on the machine), generated here with
 * the same shapes and the same kind of structure, so the Grove side still runs.
 */
final class WorkloadData {

    private WorkloadData() {
    }

    /** Where the data came from, for the table's header. */
    enum Origin { CSV, GENERATED }

    /** A data set and where it came from. */
    record Loaded(Dataset data, Origin origin) {
    }

    /**
     * {@code dir/name.csv} if it exists (numeric features, class index last, no header), otherwise
     * the generated stand-in.
     */
    static Loaded load(Path dir, String name) throws IOException {
        Path csv = dir == null ? null : dir.resolve(name + ".csv");
        if (csv != null && Files.isRegularFile(csv)) {
            return new Loaded(readCsv(csv), Origin.CSV);
        }
        return new Loaded(generate(name), Origin.GENERATED);
    }

    /** The first {@code rows} rows of {@code data}. */
    static Dataset head(Dataset data, int rows) {
        int[] first = new int[Math.min(rows, data.rows())];
        for (int i = 0; i < first.length; i++) {
            first[i] = i;
        }
        return data.view(first);
    }

    private static Dataset readCsv(Path path) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(path)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                double[] row = new double[cells.length];
                for (int j = 0; j < cells.length; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    throw new IOException(path + " line " + (rows.size() + 1) + ": " + row.length
                            + " cells, expected " + rows.get(0).length);
                }
                rows.add(row);
            }
        }
        if (rows.isEmpty()) {
            throw new IOException(path + " holds no rows");
        }
        int features = rows.get(0).length - 1;
        double[] x = new double[rows.size() * features];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, x, i * features, features);
            y[i] = rows.get(i)[features];
        }
        return labelled(x, y, features);
    }

    private static Dataset generate(String name) {
        SplittableRandom random = new SplittableRandom(0);
        return switch (name) {
            case "blobs-200k-16d" -> blobs(random, 200_000, 16, 8);
            case "blobs-50k-8d" -> blobs(random, 50_000, 8, 8);
            case "clf-100k-50d-4c" -> classification(random, 100_000, 50, 20, 4);
            case "uniform-20k-256d" -> uniform(random, 20_000, 256);
            default -> throw new IllegalArgumentException("no workload named '" + name + "'");
        };
    }

    /** Like scikit-learn's make_blobs: centres uniform in [-10, 10], unit standard deviation. */
    private static Dataset blobs(SplittableRandom random, int rows, int features, int centres) {
        double[] centre = new double[centres * features];
        for (int c = 0; c < centre.length; c++) {
            centre[c] = random.nextDouble(-10, 10);
        }
        double[] x = new double[rows * features];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            int c = i % centres;
            y[i] = c;
            for (int j = 0; j < features; j++) {
                x[i * features + j] = centre[c * features + j] + gaussian(random);
            }
        }
        return labelled(x, y, features);
    }

    /**
     * Like scikit-learn's make_classification: each class a Gaussian cluster on a vertex of a
     * hypercube in the informative dimensions, then random linear combinations of those as redundant
     * features and pure noise for the rest.
     */
    private static Dataset classification(SplittableRandom random, int rows, int features, int informative, int classes) {
        int redundant = Math.min(2, features - informative);
        double[] vertex = new double[classes * informative];
        for (int v = 0; v < vertex.length; v++) {
            vertex[v] = random.nextBoolean() ? 1 : -1;
        }
        double[] mix = new double[informative * redundant];
        for (int m = 0; m < mix.length; m++) {
            mix[m] = random.nextDouble(-1, 1);
        }
        double[] x = new double[rows * features];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            int c = i % classes;
            y[i] = c;
            int base = i * features;
            for (int j = 0; j < informative; j++) {
                x[base + j] = vertex[c * informative + j] + gaussian(random);
            }
            for (int r = 0; r < redundant; r++) {
                double sum = 0;
                for (int j = 0; j < informative; j++) {
                    sum += mix[j * redundant + r] * x[base + j];
                }
                x[base + informative + r] = sum;
            }
            for (int j = informative + redundant; j < features; j++) {
                x[base + j] = gaussian(random);
            }
        }
        return labelled(x, y, features);
    }

    private static Dataset uniform(SplittableRandom random, int rows, int features) {
        double[] x = new double[rows * features];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        return labelled(x, new double[rows], features);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static Dataset labelled(double[] x, double[] y, int features) {
        int classes = 1;
        for (double label : y) {
            classes = Math.max(classes, (int) label + 1);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            labels.add(Integer.toString(k));
        }
        return Dataset.ofFlat(x, y, new Schema(names, "y", labels));
    }
}
