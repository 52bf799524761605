/**
 * Float64 dense linear algebra for the classical family: Cholesky, Householder QR, symmetric
 * eigendecomposition, SVD, solve, least squares, inverse and log-determinant.
 */
package dev.grove.tensor.linalg;
