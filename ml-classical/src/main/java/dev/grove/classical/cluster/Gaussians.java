package dev.grove.classical.cluster;

import dev.grove.tensor.Rng;
import dev.grove.tensor.linalg.Cholesky;
import dev.grove.tensor.linalg.LinearAlgebraException;
import dev.grove.tensor.linalg.Matrix;
import java.util.Arrays;

/**
 * The parameters of a Gaussian mixture (weights, means, covariances in their compact form) and what
 * evaluating it needs, derived once: for full and tied covariances the inverse Cholesky factor
 * L⁻¹ of each covariance Σ = L Lᵀ (the transpose of scikit-learn's {@code precisions_cholesky_}),
 * for diagonal and spherical ones 1/σ per feature; and log |Σ|^(−1/2) per component.
 *
 * <p>The log density of component c at x is −½ (d log 2π + ‖L⁻¹x − L⁻¹μ‖²) − ½ log |Σ|, computed
 * as scikit-learn does, with L⁻¹μ precomputed. Immutable; safe to share between threads.
 */
final class Gaussians {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final CovarianceType type;
    final int k;
    final int d;
    final double[] weights;
    final double[] means;
    final double[] covariances;
    private final double[] logWeights;
    /** Σ_j log of the precision factor's diagonal: −½ log |Σ_c|. */
    private final double[] logDets;
    /** Full/tied: L⁻¹ row-major per component (one for tied); diag/spherical: 1/σ per component and feature. */
    final double[] precision;
    /** Full/tied: L⁻¹μ_c per component. */
    final double[] projectedMeans;
    /** Full/tied: L per component (one for tied); diag/spherical: σ per component and feature. For sampling. */
    private final double[] scale;

    /**
     * Derives the evaluation factors.
     *
     * @throws IllegalArgumentException naming the component whose covariance is not positive definite
     */
    Gaussians(CovarianceType type, int k, int d, double[] weights, double[] means, double[] covariances) {
        this.type = type;
        this.k = k;
        this.d = d;
        this.weights = weights;
        this.means = means;
        this.covariances = covariances;
        this.logWeights = new double[k];
        for (int c = 0; c < k; c++) {
            logWeights[c] = Math.log(weights[c]);
        }
        this.logDets = new double[k];
        switch (type) {
            case FULL, TIED -> {
                int factors = type == CovarianceType.FULL ? k : 1;
                this.precision = new double[factors * d * d];
                this.scale = new double[factors * d * d];
                for (int f = 0; f < factors; f++) {
                    triangularFactors(f);
                }
                this.projectedMeans = new double[k * d];
                for (int c = 0; c < k; c++) {
                    int p = type == CovarianceType.FULL ? c * d * d : 0;
                    double logDet = 0;
                    for (int j = 0; j < d; j++) {
                        double s = 0;
                        for (int m = 0; m <= j; m++) {
                            s += precision[p + j * d + m] * means[c * d + m];
                        }
                        projectedMeans[c * d + j] = s;
                        logDet += Math.log(precision[p + j * d + j]);
                    }
                    logDets[c] = logDet;
                }
            }
            default -> {
                this.precision = new double[k * d];
                this.scale = new double[k * d];
                this.projectedMeans = null;
                for (int c = 0; c < k; c++) {
                    double logDet = 0;
                    for (int j = 0; j < d; j++) {
                        double variance = type == CovarianceType.DIAG ? covariances[c * d + j] : covariances[c];
                        if (!(variance > 0) || variance == Double.POSITIVE_INFINITY) {
                            throw notPositiveDefinite(c);
                        }
                        double sigma = Math.sqrt(variance);
                        scale[c * d + j] = sigma;
                        precision[c * d + j] = 1 / sigma;
                        logDet += Math.log(1 / sigma);
                    }
                    logDets[c] = logDet;
                }
            }
        }
    }

    /** Covariance {@code f} = L Lᵀ by Cholesky; stores L and its inverse (forward substitution on I). */
    private void triangularFactors(int f) {
        int offset = f * d * d;
        double[] l;
        try {
            l = Cholesky.of(Matrix.fromRowMajor(d, d, Arrays.copyOfRange(covariances, offset, offset + d * d)))
                    .l().toRowMajor();
        } catch (LinearAlgebraException | IllegalArgumentException e) {
            throw notPositiveDefinite(f);
        }
        System.arraycopy(l, 0, scale, offset, d * d);
        // Column by column of L⁻¹: solve L y = e_col; y is zero above the diagonal.
        for (int col = 0; col < d; col++) {
            for (int i = col; i < d; i++) {
                double s = i == col ? 1 : 0;
                for (int m = col; m < i; m++) {
                    s -= l[i * d + m] * precision[offset + m * d + col];
                }
                precision[offset + i * d + col] = s / l[i * d + i];
            }
        }
    }

    private IllegalArgumentException notPositiveDefinite(int component) {
        return new IllegalArgumentException(type == CovarianceType.TIED ? "the tied covariance is not positive definite"
                : "the covariance of component " + component + " is not positive definite");
    }

    /** Number of free parameters, as scikit-learn's {@code _n_parameters}: covariances, means and k − 1 weights. */
    int parameterCount() {
        return (int) (type.covarianceParameters(k, d) + (double) d * k + k - 1);
    }

    /** Whether the covariances are full matrices (full or tied), evaluated through triangular factors. */
    boolean triangular() {
        return type == CovarianceType.FULL || type == CovarianceType.TIED;
    }

    /** Where component c's triangular factor L⁻¹ starts in {@link #precision} (full or tied). */
    int factor(int c) {
        return type == CovarianceType.FULL ? c * d * d : 0;
    }

    /** log w_c − ½ d log 2π − ½ log |Σ_c|: the part of the weighted log density that does not depend on x. */
    double offset(int c) {
        return -0.5 * d * LOG_2PI + logDets[c] + logWeights[c];
    }

    /** Component c's covariance as a full d × d row-major matrix. */
    double[] covarianceMatrix(int c) {
        double[] out = new double[d * d];
        switch (type) {
            case FULL -> System.arraycopy(covariances, c * d * d, out, 0, d * d);
            case TIED -> System.arraycopy(covariances, 0, out, 0, d * d);
            case DIAG -> {
                for (int j = 0; j < d; j++) {
                    out[j * d + j] = covariances[c * d + j];
                }
            }
            case SPHERICAL -> {
                for (int j = 0; j < d; j++) {
                    out[j * d + j] = covariances[c];
                }
            }
        }
        return out;
    }

    /**
     * Draws a point of component {@code c} into {@code out[o … o + d)}: μ + L z with z standard
     * normal (L the Cholesky factor, or σ per feature).
     */
    void draw(int c, Rng rng, double[] z, double[] out, int o) {
        for (int j = 0; j < d; j++) {
            z[j] = rng.nextGaussian();
        }
        if (type == CovarianceType.FULL || type == CovarianceType.TIED) {
            int p = type == CovarianceType.FULL ? c * d * d : 0;
            for (int j = 0; j < d; j++) {
                double s = means[c * d + j];
                for (int m = 0; m <= j; m++) {
                    s += scale[p + j * d + m] * z[m];
                }
                out[o + j] = s;
            }
        } else {
            for (int j = 0; j < d; j++) {
                out[o + j] = means[c * d + j] + scale[c * d + j] * z[j];
            }
        }
    }
}
