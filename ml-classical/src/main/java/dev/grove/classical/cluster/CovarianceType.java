package dev.grove.classical.cluster;

/**
 * The four shapes of mixture covariance, as scikit-learn's {@code covariance_type}, with how each is
 * stored (compactly, as scikit-learn's {@code covariances_}) and how many free numbers it has.
 */
enum CovarianceType {
    /** Each component its own full d × d matrix. */
    FULL("full"),
    /** One full d × d matrix shared by all components. */
    TIED("tied"),
    /** Each component its own diagonal (d variances). */
    DIAG("diag"),
    /** Each component one variance for all features. */
    SPHERICAL("spherical");

    private final String key;

    CovarianceType(String key) {
        this.key = key;
    }

    /** The type named {@code key} (a value the params record has already validated). */
    static CovarianceType of(String key) {
        for (CovarianceType type : values()) {
            if (type.key.equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("covariance must be one of full, tied, diag, spherical, got '" + key + "'");
    }

    /** The params-file name of this type. */
    String key() {
        return key;
    }

    /** The shape of the stored covariances for k components over d features. */
    int[] shape(int k, int d) {
        return switch (this) {
            case FULL -> new int[] {k, d, d};
            case TIED -> new int[] {d, d};
            case DIAG -> new int[] {k, d};
            case SPHERICAL -> new int[] {k};
        };
    }

    /** Free numbers in the covariances, as scikit-learn's {@code _n_parameters}. */
    double covarianceParameters(int k, int d) {
        return switch (this) {
            case FULL -> k * d * (d + 1) / 2.0;
            case TIED -> d * (d + 1) / 2.0;
            case DIAG -> (double) k * d;
            case SPHERICAL -> k;
        };
    }
}
