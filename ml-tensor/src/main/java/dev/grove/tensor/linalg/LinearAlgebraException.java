package dev.grove.tensor.linalg;

/**
 * A numerical failure in a linear-algebra routine: the input had the right shape and finite entries,
 * but the computation cannot produce a trustworthy answer (a singular or indefinite matrix, or an
 * iteration that did not converge). Shape problems and NaN/infinite inputs are reported with
 * {@link IllegalArgumentException} instead, because they are caller mistakes rather than properties
 * of the numbers.
 *
 * <p>Messages start with the name of the operation that failed, e.g. {@code "svd: ..."}.
 */
public class LinearAlgebraException extends RuntimeException {

    /**
     * Creates an exception with the given message.
     *
     * @param message what failed and why, starting with the operation name
     */
    public LinearAlgebraException(String message) {
        super(message);
    }
}
