package dev.grove.classical.optim;

/** A smooth function from ℝⁿ to ℝ that computes its gradient together with its value. */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * Returns f(x) and writes ∇f(x) into {@code gradient}. Must not modify {@code x}; may return a
     * non-finite value where f is undefined, which the line search treats as "step too long".
     *
     * @param x        the point, of the dimension the optimiser was started with
     * @param gradient receives the gradient; same length as {@code x}, contents on entry are undefined
     */
    double valueAndGradient(double[] x, double[] gradient);
}
