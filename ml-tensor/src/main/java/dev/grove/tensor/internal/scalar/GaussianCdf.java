package dev.grove.tensor.internal.scalar;

/**
 * The standard normal distribution's CDF Φ through erfc, without an erf in the JDK: a fit of
 * erfc(z)·e^(z²) that needs no exponential beyond the e^(−z²) the density φ needs anyway. Shared by
 * the scalar kernels (evaluated in float64) and the vector kernels (the same fit in float32).
 */
public final class GaussianCdf {

    /** 1/√2: Φ(v) = ½·erfc(−v/√2). */
    public static final double INV_SQRT_2 = 1 / Math.sqrt(2);
    /** 1/√(2π): φ(v) = e^(−v²/2)/√(2π). */
    public static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    /*
     * erfc(z)·e^(z²) / t as a polynomial in t = 2 / (2 + z), lowest order first: a weighted
     * least-squares fit (degree 10) with a relative error below 1.4e-8 for every z ≥ 0. Constants,
     * not an array, so the Horner chains need no loads.
     */
    /** Coefficient of t⁰ of the fit. */
    public static final double C0 = 0.2820947957473071;
    /** Coefficient of t¹ of the fit. */
    public static final double C1 = 0.28209370886532653;
    /** Coefficient of t² of the fit. */
    public static final double C2 = 0.24688562610064752;
    /** Coefficient of t³ of the fit. */
    public static final double C3 = 0.17530481284953753;
    /** Coefficient of t⁴ of the fit. */
    public static final double C4 = 0.09352702168092822;
    /** Coefficient of t⁵ of the fit. */
    public static final double C5 = -0.059434352635354994;
    /** Coefficient of t⁶ of the fit. */
    public static final double C6 = 0.13265663582094653;
    /** Coefficient of t⁷ of the fit. */
    public static final double C7 = -0.4556218640135213;
    /** Coefficient of t⁸ of the fit. */
    public static final double C8 = 0.4942291305621983;
    /** Coefficient of t⁹ of the fit. */
    public static final double C9 = -0.23497916539288807;
    /** Coefficient of t¹⁰ of the fit. */
    public static final double C10 = 0.04324365508540293;

    private GaussianCdf() {
    }

    /**
     * Φ(v), given e^(−v²/2) (which is the e^(−z²) of erfc at z = |v|/√2), with a relative error
     * below 2e-8, so Φ stays accurate relative to its size far into the negative tail.
     */
    public static double cdf(double v, double gaussian) {
        double t = 2 / (2 + Math.abs(v) * INV_SQRT_2);
        double fit = C0 + t * (C1 + t * (C2 + t * (C3 + t * (C4 + t * (C5 + t * (C6 + t * (C7 + t * (C8 + t * (C9
                + t * C10)))))))));
        double erfcOfZ = t * fit * gaussian;
        return v >= 0 ? 1 - 0.5 * erfcOfZ : 0.5 * erfcOfZ;
    }
}
