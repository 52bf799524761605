package dev.grove.tensor.linalg;

/**
 * A determinant kept as sign and log-magnitude, {@code det = sign * exp(logAbs)}, so that the
 * determinants of large or badly scaled matrices neither overflow nor underflow (like NumPy's
 * {@code slogdet}).
 *
 * @param sign -1, 0 or +1
 * @param logAbs {@code log|det|}; {@code -Infinity} when {@code sign} is 0
 */
public record LogDeterminant(int sign, double logAbs) {

    /**
     * Validates the components.
     *
     * @param sign -1, 0 or +1
     * @param logAbs {@code log|det|}; {@code -Infinity} exactly when {@code sign} is 0
     * @throws IllegalArgumentException if {@code sign} is not -1, 0 or 1, or {@code logAbs} is NaN,
     *     or a zero sign comes with a finite {@code logAbs}
     */
    public LogDeterminant {
        if (sign < -1 || sign > 1 || Double.isNaN(logAbs) || (sign == 0) != (logAbs == Double.NEGATIVE_INFINITY)) {
            throw new IllegalArgumentException("LogDeterminant: inconsistent sign " + sign + " and logAbs " + logAbs);
        }
    }

    /** @return {@code sign * exp(logAbs)}, which may overflow to an infinity or underflow to zero */
    public double det() {
        return sign * Math.exp(logAbs);
    }
}
