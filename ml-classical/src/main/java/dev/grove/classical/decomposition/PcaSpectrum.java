package dev.grove.classical.decomposition;

import dev.grove.classical.internal.GramMatrix;
import dev.grove.tensor.linalg.Matrix;
import dev.grove.tensor.linalg.Svd;
import dev.grove.tensor.linalg.SymmetricEigen;

/**
 * The principal directions of centred data and the variance along each, largest first, before any
 * truncation or sign convention: what both PCA solvers produce.
 *
 * @param variances      explained variance of each direction, σ²/(rows − 1), descending, never negative
 * @param singularValues the singular values σ of the centred data
 * @param directions     features × count, row-major: column c is the unit direction of variance c
 */
record PcaSpectrum(double[] variances, double[] singularValues, double[] directions) {

    /** Number of directions, min(rows, features). */
    int count() {
        return variances.length;
    }

    /**
     * The course's algorithm: eigendecomposition of the covariance matrix C = XᵀX / (rows − 1) of the
     * centred data. Eigenvalues below zero are rounding (C is positive semi-definite) and count as 0.
     */
    static PcaSpectrum ofCovariance(double[] centred, int rows, int features, boolean parallel) {
        double[] covariance = GramMatrix.of(centred, rows, features, parallel);
        for (int k = 0; k < covariance.length; k++) {
            covariance[k] /= rows - 1;
        }
        SymmetricEigen eigen = SymmetricEigen.of(Matrix.fromRowMajor(features, features, covariance));
        double[] values = eigen.eigenvalues();
        int count = Math.min(rows, features);
        double[] variances = new double[count];
        double[] singularValues = new double[count];
        for (int c = 0; c < count; c++) {
            variances[c] = Math.max(0, values[c]);
            singularValues[c] = Math.sqrt(variances[c] * (rows - 1));
        }
        return new PcaSpectrum(variances, singularValues, leadingColumns(eigen.eigenvectors(), count));
    }

    /**
     * The thin singular value decomposition X = U·diag(σ)·Vᵀ of the centred data, computed through the
     * eigendecomposition of the Gram matrix XᵀX = V·diag(σ²)·Vᵀ. Much faster than a direct SVD when
     * there are many more rows than features; the variances agree with it to rounding relative to the
     * largest, which is what explained-variance ratios need.
     */
    static PcaSpectrum ofGram(double[] centred, int rows, int features, boolean parallel) {
        double[] gram = GramMatrix.of(centred, rows, features, parallel);
        SymmetricEigen eigen = SymmetricEigen.of(Matrix.fromRowMajor(features, features, gram));
        double[] values = eigen.eigenvalues();
        int count = Math.min(rows, features);
        double[] variances = new double[count];
        double[] singularValues = new double[count];
        for (int c = 0; c < count; c++) {
            double squared = Math.max(0, values[c]);
            singularValues[c] = Math.sqrt(squared);
            variances[c] = squared / (rows - 1);
        }
        return new PcaSpectrum(variances, singularValues, leadingColumns(eigen.eigenvectors(), count));
    }

    /** The direct thin singular value decomposition of the centred data (QR, then one-sided Jacobi). */
    static PcaSpectrum ofSvd(double[] centred, int rows, int features) {
        Svd svd = Svd.of(Matrix.fromRowMajor(rows, features, centred));
        double[] singularValues = svd.singularValues();
        double[] variances = new double[singularValues.length];
        for (int c = 0; c < variances.length; c++) {
            variances[c] = singularValues[c] * singularValues[c] / (rows - 1);
        }
        return new PcaSpectrum(variances, singularValues, svd.v().toRowMajor());
    }

    private static double[] leadingColumns(Matrix vectors, int count) {
        int features = vectors.rows();
        double[] all = vectors.toRowMajor();
        if (count == features) {
            return all;
        }
        double[] out = new double[features * count];
        for (int j = 0; j < features; j++) {
            System.arraycopy(all, j * features, out, j * count, count);
        }
        return out;
    }
}
