package dev.grove.tensor.linalg;

/** Thrown by {@link Cholesky} when a symmetric matrix is not positive definite to working precision. */
public final class NotPositiveDefiniteException extends LinearAlgebraException {

    /**
     * Creates an exception with the given message.
     *
     * @param message which pivot failed, its value and the leading minor it belongs to
     */
    public NotPositiveDefiniteException(String message) {
        super(message);
    }
}
