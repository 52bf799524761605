package dev.grove.tensor.linalg;

/**
 * Thrown when a matrix is singular (or, for least squares, rank deficient) to working precision, so
 * that a solve or an inverse would be dominated by rounding error or contain infinities.
 */
public final class SingularMatrixException extends LinearAlgebraException {

    /**
     * Creates an exception with the given message.
     *
     * @param message which operation failed and which pivot or column showed the singularity
     */
    public SingularMatrixException(String message) {
        super(message);
    }
}
