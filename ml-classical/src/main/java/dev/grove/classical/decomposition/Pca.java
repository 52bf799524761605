package dev.grove.classical.decomposition;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.MatrixProduct;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Principal component analysis, as scikit-learn's {@code PCA} with the full solver: the data are
 * centred, decomposed, and the leading directions of variance kept as components. Explained
 * variances use rows − 1 degrees of freedom; the ratios are shares of the total variance of all
 * min(rows, features) components.
 *
 * <pre>{@code
 * var pca = new Pca(PcaParams.defaults().withComponents(2)).fit(data, RunContext.withSeed(0));
 * Dataset scores = pca.transform(data);
 * }</pre>
 *
 * <p>Signs follow scikit-learn's {@code svd_flip}: each component is oriented so that the row with the
 * largest absolute score on it (the first such row on a tie) scores positively, which makes the
 * components the same as scikit-learn's, signs included. The fit draws no random numbers and gives
 * bitwise the same model for any thread budget.
 */
public final class Pca implements Estimator<PcaModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "pca";

    /** The svd solver goes through the Gram matrix when there are at least this many rows per feature. */
    static final int GRAM_ROWS_PER_FEATURE = 4;

    private final PcaParams params;

    /** An estimator with {@code params}. */
    public Pca(PcaParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public PcaParams params() {
        return params;
    }

    /**
     * Fits the components on the features of {@code data} (targets, if any, are ignored). Needs at
     * least 2 rows, finite features that are not all constant, and a component count no larger than
     * min(rows, features). Constant features are fine: they get zero weight in every component.
     *
     * @throws IllegalArgumentException if the data do not meet those needs, or whitening is asked for
     *                                  a kept component without variance
     */
    @Override
    public PcaModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int rows = data.rows();
        int features = data.featureCount();
        if (features == 0) {
            throw new IllegalArgumentException(NAME + " needs at least one feature column, got none");
        }
        if (rows < 2) {
            throw new IllegalArgumentException(NAME + " needs at least 2 rows to estimate variances, got " + rows);
        }
        int available = Math.min(rows, features);
        if (!params.isVarianceFraction() && params.components() > available) {
            throw new IllegalArgumentException(NAME + ": components is " + (long) params.components()
                    + " but the data allow at most min(rows, features) = min(" + rows + ", " + features + ") = " + available);
        }
        double[] x = Inputs.finiteFeatures(NAME, data);
        double[] mean = centreColumns(x, rows, features);
        boolean parallel = context.threads() > 1;
        PcaSpectrum spectrum = decompose(x, rows, features, parallel);
        context.checkCancelled();

        double[] variances = spectrum.variances();
        double total = 0;
        for (double variance : variances) {
            total += variance;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException(NAME + ": every feature is constant over the " + rows
                    + " rows, so there is no variance to analyse");
        }
        double[] ratios = new double[variances.length];
        for (int c = 0; c < ratios.length; c++) {
            ratios[c] = variances[c] / total;
        }
        int kept = keptCount(ratios);
        if (params.whiten()) {
            requireVarianceToWhiten(variances, kept, Math.max(rows, features));
        }
        double[] components = orientedComponents(spectrum, kept, x, rows, features, parallel);
        double[] keptVariances = Arrays.copyOf(variances, kept);
        double[] keptRatios = Arrays.copyOf(ratios, kept);
        double explained = 0;
        for (double ratio : keptRatios) {
            explained += ratio;
        }
        context.progress().update(NAME, 1, 1, String.format(Locale.ROOT, "%d components explain %.4f of the variance",
                kept, explained));
        return new PcaModel(data.schema(), params.whiten(), components, mean, keptVariances, keptRatios,
                Arrays.copyOf(spectrum.singularValues(), kept));
    }

    private PcaSpectrum decompose(double[] centred, int rows, int features, boolean parallel) {
        if (params.solver().equals("eigen")) {
            return PcaSpectrum.ofCovariance(centred, rows, features, parallel);
        }
        return rows >= (long) GRAM_ROWS_PER_FEATURE * features
                ? PcaSpectrum.ofGram(centred, rows, features, parallel)
                : PcaSpectrum.ofSvd(centred, rows, features);
    }

    /** Subtracts each column's mean from {@code x} in place and returns the means. */
    private static double[] centreColumns(double[] x, int rows, int features) {
        double[] mean = new double[features];
        for (int i = 0; i < rows; i++) {
            int offset = i * features;
            for (int j = 0; j < features; j++) {
                mean[j] += x[offset + j];
            }
        }
        for (int j = 0; j < features; j++) {
            mean[j] /= rows;
        }
        for (int i = 0; i < rows; i++) {
            int offset = i * features;
            for (int j = 0; j < features; j++) {
                x[offset + j] -= mean[j];
            }
        }
        return mean;
    }

    /** The count asked for, or for a variance fraction f the fewest leading components whose ratios sum to more than f. */
    private int keptCount(double[] ratios) {
        if (params.components() == 0) {
            return ratios.length;
        }
        if (!params.isVarianceFraction()) {
            return (int) params.components();
        }
        double cumulative = 0;
        for (int c = 0; c < ratios.length; c++) {
            cumulative += ratios[c];
            if (cumulative > params.components()) {
                return c + 1;
            }
        }
        return ratios.length;
    }

    /** Whitening divides by each kept component's standard deviation, so none may be zero to rounding. */
    private static void requireVarianceToWhiten(double[] variances, int kept, int size) {
        double negligible = size * Math.ulp(1.0) * variances[0];
        for (int c = 0; c < kept; c++) {
            if (variances[c] <= negligible) {
                throw new IllegalArgumentException(NAME + ": cannot whiten component " + (c + 1) + " of " + kept
                        + ": its variance is " + variances[c] + ", zero to rounding (the data span only " + c
                        + " dimensions); keep at most " + c + " components or turn whiten off");
            }
        }
    }

    /**
     * The leading {@code kept} directions as rows (kept × features), each signed so that the row of
     * the data with the largest absolute score on it (the first on a tie) scores positively, as
     * scikit-learn's {@code svd_flip} does with the left singular vectors.
     */
    private static double[] orientedComponents(PcaSpectrum spectrum, int kept, double[] centred, int rows, int features,
                                               boolean parallel) {
        double[] projection = new double[features * kept];
        for (int j = 0; j < features; j++) {
            System.arraycopy(spectrum.directions(), j * spectrum.count(), projection, j * kept, kept);
        }
        double[] scores = MatrixProduct.of(centred, rows, features, projection, kept, parallel);
        double[] components = new double[kept * features];
        for (int c = 0; c < kept; c++) {
            int lead = 0;
            double largest = -1;
            for (int i = 0; i < rows; i++) {
                double size = Math.abs(scores[i * kept + c]);
                if (size > largest) {
                    largest = size;
                    lead = i;
                }
            }
            double sign = scores[lead * kept + c] < 0 ? -1 : 1;
            for (int j = 0; j < features; j++) {
                components[c * features + j] = sign * projection[j * kept + c];
            }
        }
        return components;
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
