package dev.grove.api.source;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import java.util.List;

/**
 * Params of the {@code synthetic} data source (see {@link SyntheticSource} for the generators).
 *
 * @param kind       blobs, classification, regression or moons
 * @param samples    number of rows
 * @param features   number of features (moons: 2); not used when {@code shape} is set
 * @param classes    number of classes (blob centres for blobs); not used by regression and moons
 * @param noise      standard deviation of the Gaussian noise on the points (moons) or the target (regression)
 * @param clusterStd standard deviation of the points around their centre (blobs, classification)
 * @param shape      the shape of one sample, e.g. {@code [3, 32, 32]} for images (blobs and
 *                   classification only; the feature count is then its product and {@code features}
 *                   is not used), or empty for flat rows of {@code features}
 */
public record SyntheticParams(
        @Doc("generator: blobs (Gaussian clusters), classification (Gaussian classes at hypercube corners),"
                + " regression (linear target plus noise) or moons (two interleaving half circles)")
        @Default("blobs") @OneOf({"blobs", "classification", "regression", "moons"}) String kind,
        @Doc("number of rows")
        @Default("300") @Min(1) int samples,
        @Doc("number of features (moons has exactly 2); not used when shape is set")
        @Default("2") @Min(1) int features,
        @Doc("number of classes, which for blobs is the number of centres; not used by regression and moons (2 classes)")
        @Default("3") @Min(1) int classes,
        @Doc("standard deviation of the Gaussian noise added to the points (moons) or to the target (regression)")
        @Default("0.1") @Min(0) double noise,
        @Doc("standard deviation of the points around their centre (blobs, classification)")
        @Default("1.0") @Min(value = 0, exclusive = true) double clusterStd,
        @Doc("shape of one sample, e.g. [3, 32, 32] for image-shaped float32 samples (blobs and classification only;"
                + " the feature count is then the product and features is not used); [] for flat rows of features")
        @Default("[]") List<Integer> shape) {

    /** The most values one sample may hold, so that a few thousand samples still fit in one array. */
    private static final int MAX_SAMPLE_VALUES = 1 << 20;

    /** Validates each param and the combinations a generator needs. */
    public SyntheticParams {
        Params.oneOf("kind", kind, "blobs", "classification", "regression", "moons");
        Params.atLeast("samples", samples, 1, false);
        Params.atLeast("features", features, 1, false);
        Params.atLeast("classes", classes, 1, false);
        Params.atLeast("noise", noise, 0, false);
        Params.atLeast("cluster-std", clusterStd, 0, true);
        shape = checkShape(shape, kind, samples);
        if (kind.equals("moons") && features != 2) {
            throw new IllegalArgumentException("features must be 2 for kind moons, got " + features);
        }
        if (kind.equals("moons")) {
            Params.atLeast("samples", samples, 2, false);
        }
        if (kind.equals("classification")) {
            Params.atLeast("classes", classes, 2, false);
            // Each class sits at its own corner of the {-1, 1}^features hypercube.
            int dimensions = shape.isEmpty() ? features : product(shape);
            if (dimensions < 31 && classes > (1 << dimensions)) {
                throw new IllegalArgumentException("classes must be <= 2^" + (shape.isEmpty() ? "features" : "(values per sample)")
                        + " = " + (1 << dimensions) + " for kind classification (one hypercube corner per class), got " + classes);
            }
        }
    }

    /** 300 rows of 3 Gaussian blobs in 2 dimensions. */
    public static SyntheticParams defaults() {
        return new SyntheticParams("blobs", 300, 2, 3, 0.1, 1.0, List.of());
    }

    /** Defaults with another generator. */
    public static SyntheticParams of(String kind) {
        SyntheticParams d = defaults();
        return new SyntheticParams(kind, d.samples, d.features, d.classes, d.noise, d.clusterStd, d.shape);
    }

    /** These params with another number of rows. */
    public SyntheticParams withSamples(int n) {
        return new SyntheticParams(kind, n, features, classes, noise, clusterStd, shape);
    }

    /** These params with another number of features. */
    public SyntheticParams withFeatures(int d) {
        return new SyntheticParams(kind, samples, d, classes, noise, clusterStd, shape);
    }

    /** These params with another number of classes. */
    public SyntheticParams withClasses(int k) {
        return new SyntheticParams(kind, samples, features, k, noise, clusterStd, shape);
    }

    /** These params with another noise level. */
    public SyntheticParams withNoise(double sigma) {
        return new SyntheticParams(kind, samples, features, classes, sigma, clusterStd, shape);
    }

    /** These params with another spread around the centres. */
    public SyntheticParams withClusterStd(double sigma) {
        return new SyntheticParams(kind, samples, features, classes, noise, sigma, shape);
    }

    /** These params with another sample shape ({@code []} for flat rows). */
    public SyntheticParams withShape(List<Integer> sampleShape) {
        return new SyntheticParams(kind, samples, features, classes, noise, clusterStd, sampleShape);
    }

    /** The number of values in one sample: the product of the shape, or {@code features} for flat rows. */
    public int valuesPerSample() {
        return shape.isEmpty() ? features : product(shape);
    }

    private static List<Integer> checkShape(List<Integer> shape, String kind, int samples) {
        if (shape == null || shape.isEmpty()) {
            return List.of();
        }
        for (Integer dim : shape) {
            if (dim == null || dim < 1) {
                throw new IllegalArgumentException("shape dimensions must be >= 1, got " + shape);
            }
        }
        if (!kind.equals("blobs") && !kind.equals("classification")) {
            throw new IllegalArgumentException("shape applies to the class generators blobs and classification only, not to kind "
                    + kind + "; leave shape empty ([])");
        }
        long values = 1;
        for (int dim : shape) {
            values *= dim;
            if (values > MAX_SAMPLE_VALUES) {
                throw new IllegalArgumentException("shape " + shape + " holds more than " + MAX_SAMPLE_VALUES
                        + " values per sample; use a smaller shape");
            }
        }
        if (values * samples > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("samples × values per sample must fit in one array (at most "
                    + (Integer.MAX_VALUE - 8) + "), got " + samples + " × " + values + " for shape " + shape);
        }
        return List.copyOf(shape);
    }

    private static int product(List<Integer> shape) {
        int values = 1;
        for (int dim : shape) {
            values *= dim;
        }
        return values;
    }
}
