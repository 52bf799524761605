package dev.grove.api.source;

import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@code synthetic} data source: seeded generators in the spirit of scikit-learn's
 * {@code make_*} functions. Features are named {@code x0, x1, …} and the target {@code y}; the
 * rows of the class generators are shuffled. The numbers come from {@code context.rng("synthetic")}, so a run seed fixes the data.
 *
 * <ul>
 *   <li><b>blobs</b> ({@code make_blobs}): {@code classes} centres drawn uniformly from
 *       [−10, 10)^features; rows spread evenly over the centres (the first {@code samples % classes}
 *       centres get one more), each centre + N(0, cluster-std²) per feature; class = centre.</li>
 *   <li><b>classification</b> (a simple {@code make_classification}): each class gets its own
 *       random corner of the {−1, 1}^features hypercube; rows spread evenly over the classes, each
 *       corner + N(0, cluster-std²) per feature.</li>
 *   <li><b>regression</b> ({@code make_regression}): features N(0, 1); coefficients drawn
 *       uniformly from [0, 100); y = x·coefficients + N(0, noise²); no intercept.</li>
 *   <li><b>moons</b> ({@code make_moons}): ⌊samples/2⌋ points (cos t, sin t) and the rest
 *       (1 − cos t, 1/2 − sin t), t evenly spaced over [0, π] in each half; class 0 for the upper
 *       moon, 1 for the lower; N(0, noise²) added to both coordinates.</li>
 * </ul>
 *
 * <p>With a {@code shape} (blobs and classification only), each sample is image-shaped: the class
 * centres are drawn as above in as many dimensions as a sample holds values (the product of the
 * shape), so each class has its own pattern; then the class of each row is dealt evenly (the first
 * {@code samples % classes} classes get one more) and shuffled, and each row is its class's pattern
 * plus N(0, cluster-std²) per value, drawn row by row. The data is stored as float32
 * ({@link Dataset#ofFloats}) with that sample shape, e.g. {@code [3, 32, 32]}, features named
 * {@code x0, x1, …} in row-major order: image-shaped benchmark data that a network can learn.
 */
public final class SyntheticSource implements DataSource {

    private static final double BLOB_BOX = 10.0;
    private static final double COEFFICIENT_SCALE = 100.0;

    private final SyntheticParams params;

    /** A generator configured by {@code params}. */
    public SyntheticSource(SyntheticParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public LoadedData load(RunContext context) {
        return LoadedData.single(generate(context.rng("synthetic")));
    }

    /** The data drawn from {@code rng}; the same stream state gives the same data. */
    public Dataset generate(Rng rng) {
        if (!params.shape().isEmpty()) {
            return shaped(rng);
        }
        return switch (params.kind()) {
            case "blobs" -> blobs(rng);
            case "classification" -> classification(rng);
            case "regression" -> regression(rng);
            case "moons" -> moons(rng);
            default -> throw new IllegalStateException("kind was validated: " + params.kind());
        };
    }

    private Dataset blobs(Rng rng) {
        return around(blobCentres(params.features(), rng), rng);
    }

    private Dataset classification(Rng rng) {
        return around(hypercubeCorners(params.features(), rng), rng);
    }

    /** {@code classes} centres drawn uniformly from [−10, 10)^d, one after another. */
    private double[] blobCentres(int d, Rng rng) {
        double[] centres = new double[params.classes() * d];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = -BLOB_BOX + 2 * BLOB_BOX * rng.nextDouble();
        }
        return centres;
    }

    /** {@code classes} distinct random corners of the {−1, 1}^d hypercube, one after another. */
    private double[] hypercubeCorners(int d, Rng rng) {
        int k = params.classes();
        double[] corners = new double[k * d];
        List<double[]> chosen = new ArrayList<>();
        while (chosen.size() < k) {
            double[] corner = new double[d];
            for (int j = 0; j < d; j++) {
                corner[j] = rng.nextDouble() < 0.5 ? -1 : 1;
            }
            if (chosen.stream().noneMatch(c -> Arrays.equals(c, corner))) {
                System.arraycopy(corner, 0, corners, chosen.size() * d, d);
                chosen.add(corner);
            }
        }
        return corners;
    }

    /** Image-shaped samples: each row its class's pattern plus Gaussian noise, stored as float32. */
    private Dataset shaped(Rng rng) {
        int n = params.samples();
        int d = params.valuesPerSample();
        double[] patterns = params.kind().equals("blobs") ? blobCentres(d, rng) : hypercubeCorners(d, rng);
        int[] classOf = new int[n];
        int row = 0;
        for (int c = 0; c < params.classes(); c++) {
            int count = n / params.classes() + (c < n % params.classes() ? 1 : 0);
            for (int i = 0; i < count; i++) {
                classOf[row++] = c;
            }
        }
        rng.shuffle(classOf);
        // Drawn straight into float32 in final row order: a double copy of 10,000 CIFAR-sized samples
        // alone would take 245 MB.
        float[] x = new float[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int base = classOf[i] * d;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) (patterns[base + j] + params.clusterStd() * rng.nextGaussian());
            }
            y[i] = classOf[i];
        }
        Schema schema = new Schema(featureNames(d), "y", classLabels(params.classes()), params.shape());
        return Dataset.ofFloats(x, y, schema);
    }

    /** Rows spread evenly over the classes, each its class centre plus Gaussian spread; shuffled. */
    private Dataset around(double[] centres, Rng rng) {
        int n = params.samples();
        int k = params.classes();
        int d = params.features();
        double[] x = new double[n * d];
        double[] y = new double[n];
        int row = 0;
        for (int c = 0; c < k; c++) {
            int count = n / k + (c < n % k ? 1 : 0);
            for (int i = 0; i < count; i++, row++) {
                for (int j = 0; j < d; j++) {
                    x[row * d + j] = centres[c * d + j] + params.clusterStd() * rng.nextGaussian();
                }
                y[row] = c;
            }
        }
        return shuffled(x, y, new Schema(featureNames(d), "y", classLabels(k)), rng);
    }

    private Dataset regression(Rng rng) {
        int n = params.samples();
        int d = params.features();
        double[] coefficients = new double[d];
        for (int j = 0; j < d; j++) {
            coefficients[j] = COEFFICIENT_SCALE * rng.nextDouble();
        }
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = rng.nextGaussian();
                sum += x[i * d + j] * coefficients[j];
            }
            y[i] = sum + params.noise() * rng.nextGaussian();
        }
        return Dataset.ofFlat(x, y, new Schema(featureNames(d), "y", List.of()));
    }

    private Dataset moons(Rng rng) {
        int n = params.samples();
        int outer = n / 2;
        double[] x = new double[n * 2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            boolean upper = i < outer;
            int count = upper ? outer : n - outer;
            int position = upper ? i : i - outer;
            double t = count == 1 ? 0 : Math.PI * position / (count - 1);
            x[2 * i] = (upper ? Math.cos(t) : 1 - Math.cos(t)) + params.noise() * rng.nextGaussian();
            x[2 * i + 1] = (upper ? Math.sin(t) : 0.5 - Math.sin(t)) + params.noise() * rng.nextGaussian();
            y[i] = upper ? 0 : 1;
        }
        return shuffled(x, y, new Schema(featureNames(2), "y", List.of("0", "1")), rng);
    }

    private static Dataset shuffled(double[] x, double[] y, Schema schema, Rng rng) {
        int n = y.length;
        int d = schema.featureCount();
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        rng.shuffle(order);
        double[] shuffledX = new double[x.length];
        double[] shuffledY = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, order[i] * d, shuffledX, i * d, d);
            shuffledY[i] = y[order[i]];
        }
        return Dataset.ofFlat(shuffledX, shuffledY, schema);
    }

    private static List<String> featureNames(int d) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + j);
        }
        return names;
    }

    private static List<String> classLabels(int k) {
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            labels.add(Integer.toString(c));
        }
        return labels;
    }
}
