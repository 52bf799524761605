/**
 * Dense float64 linear algebra for the classical models (PCA, linear and ridge regression, GMM, LDA).
 *
 * <p>{@link dev.grove.tensor.linalg.Matrix} stores entries row-major in a {@code double[]}. The
 * decompositions ({@link dev.grove.tensor.linalg.LU}, {@link dev.grove.tensor.linalg.Cholesky},
 * {@link dev.grove.tensor.linalg.QR}, {@link dev.grove.tensor.linalg.SymmetricEigen},
 * {@link dev.grove.tensor.linalg.Svd}) copy their input and are immutable once built;
 * {@link dev.grove.tensor.linalg.LinearAlgebra} offers one-call solve, least squares, inverse and
 * determinants.
 *
 * <p><b>Errors.</b> Wrong shapes and NaN or infinite entries throw {@link IllegalArgumentException};
 * numerical failures throw a {@link dev.grove.tensor.linalg.LinearAlgebraException}, specifically
 * {@link dev.grove.tensor.linalg.SingularMatrixException} or
 * {@link dev.grove.tensor.linalg.NotPositiveDefiniteException}. Messages start with the operation
 * name. No operation returns NaN for finite input. Singularity is judged relative to the scale of
 * the input ({@code n * eps * max|A|} for LU), so multiplying a matrix by a scalar does not change
 * the verdict.
 */
package dev.grove.tensor.linalg;
