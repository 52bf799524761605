package dev.grove.api.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An immutable feature matrix with optional targets and a {@link Schema}. A dataset may be a view of
 * selected rows of another ({@link #view(int[])}); views share storage, so splits and folds cost one
 * index array, not a copy of the data.
 *
 * <p>Features are stored as float64 (tables for classical work) or, for large image and sequence
 * sets, float32 ({@link #ofFloats}), half the memory; every accessor works on either, and
 * {@link #rowsAsFloats} gathers a mini-batch straight into a network's float32 input.
 *
 * <p>Targets are class indices (as doubles) for classification and values for regression.
 */
public final class Dataset {

    /** The float64 features, or null when they are stored as {@link #floatFeatures}. */
    private final double[] features;
    /** The float32 features, or null when they are stored as {@link #features}. */
    private final float[] floatFeatures;
    private final int featureCount;
    private final double[] targets;
    private final int[] rows;
    private final Schema schema;

    private Dataset(double[] features, float[] floatFeatures, int featureCount, double[] targets, int[] rows, Schema schema) {
        this.features = features;
        this.floatFeatures = floatFeatures;
        this.featureCount = featureCount;
        this.targets = targets;
        this.rows = rows;
        this.schema = schema;
    }

    /**
     * A dataset over copies of {@code x} (rows of equal length) and {@code y} (null for none).
     *
     * @throws IllegalArgumentException if rows are ragged, lengths disagree with the schema, or a
     *                                  class target is not an index into the labels
     */
    public static Dataset of(double[][] x, double[] y, Schema schema) {
        Objects.requireNonNull(schema, "schema");
        int d = schema.featureCount();
        double[] flat = new double[x.length * d];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("dataset: row " + i + " has " + x[i].length
                        + " values but the schema names " + d + " features " + schema.featureNames());
            }
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        return ofFlat(flat, y == null ? null : y.clone(), schema);
    }

    /** A dataset that takes ownership of row-major {@code features} (rows × featureCount) and {@code targets}. */
    public static Dataset ofFlat(double[] features, double[] targets, Schema schema) {
        checkedRows(features.length, targets, schema);
        return new Dataset(features, null, schema.featureCount(), targets, null, schema);
    }

    /**
     * A dataset stored as float32 that takes ownership of row-major {@code features} (rows ×
     * featureCount) and {@code targets}: for images and other large inputs of networks.
     */
    public static Dataset ofFloats(float[] features, double[] targets, Schema schema) {
        checkedRows(features.length, targets, schema);
        return new Dataset(null, features, schema.featureCount(), targets, null, schema);
    }

    /** The row count implied by {@code values} feature values; checks the targets against it and the schema. */
    private static int checkedRows(int values, double[] targets, Schema schema) {
        int d = schema.featureCount();
        int n = d == 0 ? (targets == null ? 0 : targets.length) : values / d;
        if (d > 0 && values % d != 0) {
            throw new IllegalArgumentException("dataset: " + values + " feature values do not form rows of " + d);
        }
        if (targets != null) {
            if (targets.length != n) {
                throw new IllegalArgumentException("dataset: " + n + " rows but " + targets.length + " targets");
            }
            if (schema.isClassification()) {
                for (int i = 0; i < n; i++) {
                    double t = targets[i];
                    if (t != Math.rint(t) || t < 0 || t >= schema.classLabels().size()) {
                        throw new IllegalArgumentException("dataset: target of row " + i + " is " + t
                                + ", not a class index in [0, " + schema.classLabels().size() + ")");
                    }
                }
            }
        }
        return n;
    }

    /** Number of rows. */
    public int rows() {
        if (rows != null) {
            return rows.length;
        }
        if (featureCount == 0) {
            return targets == null ? 0 : targets.length;
        }
        return (features != null ? features.length : floatFeatures.length) / featureCount;
    }

    /** Whether the features are stored as float32 ({@link #ofFloats}). */
    public boolean storesFloats() {
        return floatFeatures != null;
    }

    /** Number of features. */
    public int featureCount() {
        return featureCount;
    }

    /** The schema. */
    public Schema schema() {
        return schema;
    }

    /** Whether targets are present. */
    public boolean hasTargets() {
        return targets != null;
    }

    private int base(int row) {
        return rows != null ? rows[row] : row;
    }

    /** Feature {@code col} of row {@code row}. */
    public double feature(int row, int col) {
        int at = base(row) * featureCount + col;
        return features != null ? features[at] : floatFeatures[at];
    }

    /** Copies row {@code row}'s features into {@code into} (length featureCount) and returns it. */
    public double[] row(int row, double[] into) {
        int start = base(row) * featureCount;
        if (features != null) {
            System.arraycopy(features, start, into, 0, featureCount);
        } else {
            for (int j = 0; j < featureCount; j++) {
                into[j] = floatFeatures[start + j];
            }
        }
        return into;
    }

    /**
     * The features of the given rows (indices into this dataset), as float32, row-major into
     * {@code into} (at least selected.length × featureCount long): a network's input batch.
     */
    public float[] rowsAsFloats(int[] selected, float[] into) {
        int d = featureCount;
        for (int i = 0; i < selected.length; i++) {
            int start = base(selected[i]) * d;
            if (floatFeatures != null) {
                System.arraycopy(floatFeatures, start, into, i * d, d);
            } else {
                for (int j = 0; j < d; j++) {
                    into[i * d + j] = (float) features[start + j];
                }
            }
        }
        return into;
    }

    /** The target of row {@code row}. */
    public double target(int row) {
        if (targets == null) {
            throw new IllegalStateException("dataset has no targets");
        }
        return targets[base(row)];
    }

    /** The class index of row {@code row} (classification only). */
    public int label(int row) {
        return (int) target(row);
    }

    /** All targets of this dataset's rows, as a new array. */
    public double[] targets() {
        double[] out = new double[rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = target(i);
        }
        return out;
    }

    /** All class indices of this dataset's rows. */
    public int[] labels() {
        int[] out = new int[rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = label(i);
        }
        return out;
    }

    /** The features of this dataset's rows as a new row-major array (rows × featureCount). */
    public double[] featureMatrix() {
        int n = rows();
        if (rows == null && features != null) {
            return Arrays.copyOf(features, n * featureCount);
        }
        double[] out = new double[n * featureCount];
        double[] row = new double[featureCount];
        for (int i = 0; i < n; i++) {
            System.arraycopy(row(i, row), 0, out, i * featureCount, featureCount);
        }
        return out;
    }

    /** A view of the given rows of this dataset (indices into this dataset, repeats allowed). */
    public Dataset view(int[] selected) {
        int n = rows();
        int[] mapped = new int[selected.length];
        for (int i = 0; i < selected.length; i++) {
            if (selected[i] < 0 || selected[i] >= n) {
                throw new IndexOutOfBoundsException("dataset view: row " + selected[i] + " is out of range for "
                        + n + " rows");
            }
            mapped[i] = base(selected[i]);
        }
        return new Dataset(features, floatFeatures, featureCount, targets, mapped, schema);
    }

    /** The same rows and targets with new features (row-major, rows × names.size()), as transformers produce. */
    public Dataset withFeatures(double[] newFeatures, java.util.List<String> names) {
        int n = rows();
        if (newFeatures.length != n * names.size()) {
            throw new IllegalArgumentException("dataset: " + newFeatures.length + " values for " + n + " rows × "
                    + names.size() + " features");
        }
        return ofFlat(newFeatures, targets == null ? null : targets(), schema.withFeatures(names));
    }

    /** The same rows without targets (for prediction). */
    public Dataset withoutTargets() {
        Schema unlabelled = new Schema(schema.featureNames(), null, schema.classLabels(), schema.sampleShape(),
                schema.vocabulary(), schema.tokenizer());
        if (floatFeatures != null) {
            int[] all = new int[rows()];
            Arrays.setAll(all, i -> i);
            return ofFloats(rowsAsFloats(all, new float[all.length * featureCount]), null, unlabelled);
        }
        return ofFlat(featureMatrix(), null, unlabelled);
    }

    /** SHA-256 over this dataset's rows (features and targets, in order): which data a model saw. */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(8 * (featureCount + 1)).order(ByteOrder.LITTLE_ENDIAN);
            double[] row = new double[featureCount];
            for (int i = 0; i < rows(); i++) {
                buffer.clear();
                for (double v : row(i, row)) {
                    buffer.putDouble(v);
                }
                buffer.putDouble(targets == null ? Double.NaN : target(i));
                digest.update(buffer.array(), 0, buffer.position());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "Dataset[" + rows() + " rows × " + featureCount + " features" + (targets != null ? ", target "
                + schema.targetName() : "") + "]";
    }
}
