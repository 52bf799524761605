package dev.grove.classical.svm;

import java.util.Locale;

/**
 * A kernel function with its resolved coefficients, evaluated as libsvm does: the rbf kernel from
 * the squared norms and the dot product of two rows, exp(−γ(‖u‖² + ‖v‖² − 2u·v)); the polynomial
 * power by repeated squaring.
 */
final class Kernel {

    /** The kernel families of the {@code kernel} param. */
    enum Type {
        LINEAR, RBF, POLY, SIGMOID;

        /** The family named {@code name} ({@code linear}, {@code rbf}, {@code poly}, {@code sigmoid}). */
        static Type named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        /** The param value naming this family. */
        String paramName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final Type type;
    final double gamma;
    final int degree;
    final double coef0;

    Kernel(Type type, double gamma, int degree, double coef0) {
        this.type = type;
        this.gamma = gamma;
        this.degree = degree;
        this.coef0 = coef0;
    }

    /** The kernel value of two rows with dot product {@code dot} (not for rbf, which needs the norms). */
    double ofDot(double dot) {
        return switch (type) {
            case LINEAR -> dot;
            case POLY -> power(gamma * dot + coef0, degree);
            case SIGMOID -> Math.tanh(gamma * dot + coef0);
            case RBF -> throw new IllegalStateException("the rbf kernel needs squared norms, not only a dot product");
        };
    }

    /** The rbf kernel of two rows with squared norms {@code squaredA}, {@code squaredB} and dot product {@code dot}. */
    double rbf(double squaredA, double squaredB, double dot) {
        return Math.exp(-gamma * (squaredA + squaredB - 2 * dot));
    }

    /** base^times by repeated squaring, libsvm's {@code powi}. */
    static double power(double base, int times) {
        double square = base;
        double result = 1.0;
        for (int t = times; t > 0; t /= 2) {
            if (t % 2 == 1) {
                result *= square;
            }
            square = square * square;
        }
        return result;
    }

    @Override
    public String toString() {
        return switch (type) {
            case LINEAR -> "linear";
            case RBF -> "rbf(gamma=" + gamma + ")";
            case POLY -> "poly(gamma=" + gamma + ", degree=" + degree + ", coef0=" + coef0 + ")";
            case SIGMOID -> "sigmoid(gamma=" + gamma + ", coef0=" + coef0 + ")";
        };
    }
}
