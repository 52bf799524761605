package dev.grove.classical.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwlQnTest {

    private static OwlQn owlqn(int maxIterations, double tolerance) {
        return new OwlQn(Lbfgs.Settings.of(maxIterations, tolerance));
    }

    /** ½‖x − a‖². */
    private static DifferentiableFunction distanceTo(double... a) {
        return (x, g) -> {
            double value = 0;
            for (int i = 0; i < x.length; i++) {
                g[i] = x[i] - a[i];
                value += 0.5 * g[i] * g[i];
            }
            return value;
        };
    }

    /** ½xᵀAx − bᵀx with A = [[2, 1], [1, 2]]. */
    private static DifferentiableFunction quadratic(double b0, double b1) {
        return (x, g) -> {
            g[0] = 2 * x[0] + x[1] - b0;
            g[1] = x[0] + 2 * x[1] - b1;
            return x[0] * x[0] + x[0] * x[1] + x[1] * x[1] - b0 * x[0] - b1 * x[1];
        };
    }

    @Test
    void separableProblemGivesTheSoftThresholdWithExactZeros() {
        // min ½(x − a)² + λ|x| per coordinate is the soft threshold sign(a)·max(|a| − λ, 0): with λ = 1
        // on the first three coordinates a = (3, −0.5, −2) gives (2, 0, −1); the last is unpenalised.
        Lbfgs.Result result = owlqn(100, 1e-12).minimize(distanceTo(3, -0.5, -2, 0.7), new double[] {1, 1, 1, 0},
                new double[] {0.3, 0.2, 0.1, -5}, Lbfgs.IterationListener.NONE);
        assertThat(result.converged()).isTrue();
        assertThat(result.solution()).containsExactly(new double[] {2, 0, -1, 0.7}, offset(1e-12));
        assertThat(result.solution()[1]).isEqualTo(0.0);
        // F = ½(1² + 0.5² + 1²) + (2 + 0 + 1) at the optimum.
        assertThat(result.value()).isCloseTo(0.5 * 2.25 + 3, offset(1e-12));
    }

    @Test
    void coupledProblemMeetsItsOptimalityConditions() {
        // ½xᵀAx − bᵀx + ‖x‖₁, A = [[2, 1], [1, 2]]. For b = (3, 0.5): x = (1, 0), since with x₂ = 0 the
        // first condition 2x₁ − 3 + 1 = 0 gives x₁ = 1, and |∂f/∂x₂| = |x₁ − 0.5| = 0.5 ≤ 1 holds x₂ at 0.
        Lbfgs.Result sparse = owlqn(100, 1e-12).minimize(quadratic(3, 0.5), new double[] {1, 1}, new double[2],
                Lbfgs.IterationListener.NONE);
        assertThat(sparse.solution()).containsExactly(new double[] {1, 0}, offset(1e-12));
        assertThat(sparse.solution()[1]).isEqualTo(0.0);
        // For b = (4, 3) both are positive: A x = b − (1, 1) = (3, 2), so x = (4/3, 1/3).
        Lbfgs.Result dense = owlqn(100, 1e-12).minimize(quadratic(4, 3), new double[] {1, 1}, new double[2],
                Lbfgs.IterationListener.NONE);
        assertThat(dense.solution()).containsExactly(new double[] {4.0 / 3, 1.0 / 3}, offset(1e-12));
    }

    @Test
    void unpenalisedCoordinatesCrossZeroFreely() {
        // Both start on the wrong side of zero; without weight, neither is held there.
        Lbfgs.Result free = owlqn(100, 1e-12).minimize(distanceTo(-2, 1), new double[] {0, 0}, new double[] {1, -1},
                Lbfgs.IterationListener.NONE);
        assertThat(free.solution()).containsExactly(new double[] {-2, 1}, offset(1e-12));
        // With weight 5 > |1| the second stops at exactly zero.
        Lbfgs.Result held = owlqn(100, 1e-12).minimize(distanceTo(-2, 1), new double[] {0, 5}, new double[] {1, -1},
                Lbfgs.IterationListener.NONE);
        assertThat(held.solution()[0]).isCloseTo(-2, offset(1e-12));
        assertThat(held.solution()[1]).isEqualTo(0.0);
    }

    @Test
    void withoutPenaltyItAgreesWithLbfgs() {
        DifferentiableFunction f = quadratic(4, 3);
        double[] expected = new Lbfgs(Lbfgs.Settings.of(100, 1e-12)).minimize(f, new double[2],
                Lbfgs.IterationListener.NONE).solution();
        Lbfgs.Result result = owlqn(100, 1e-12).minimize(f, new double[2], new double[2], Lbfgs.IterationListener.NONE);
        // A = [[2, 1], [1, 2]], b = (4, 3): x = A⁻¹b = (5/3, 2/3).
        assertThat(result.solution()).containsExactly(expected, offset(1e-12)).containsExactly(
                new double[] {5.0 / 3, 2.0 / 3}, offset(1e-12));
    }

    @Test
    void reportsEachStepWithAFallingObjective() {
        List<double[]> steps = new ArrayList<>();
        Lbfgs.Result result = owlqn(100, 1e-12).minimize(quadratic(3, 0.5), new double[] {1, 1}, new double[] {-2, 4},
                (iteration, value, gradient) -> steps.add(new double[] {iteration, value, gradient}));
        assertThat(steps).hasSize(result.iterations()).isNotEmpty();
        // F at the start (−2, 4): 4 − 8 + 16 + 6 − 2 + 2 + 4 = 22. Steps may raise F by rounding only
        // (1e-10 of its size), and it ends at F(1, 0) = 1 − 3 + 1 = −1.
        double previous = 22;
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i)[0]).isEqualTo(i + 1);
            assertThat(steps.get(i)[1]).isLessThanOrEqualTo(previous + 1e-10 * Math.abs(previous));
            previous = steps.get(i)[1];
        }
        assertThat(previous).isCloseTo(-1, offset(1e-12));
        assertThat(steps.get(steps.size() - 1)[2]).isEqualTo(result.gradientMaxNorm());
    }

    @Test
    void stopsAtTheIterationBudget() {
        Lbfgs.Result result = owlqn(2, 1e-12).minimize(quadratic(4, 3), new double[] {1, 1}, new double[] {-5, 9},
                Lbfgs.IterationListener.NONE);
        assertThat(result.stop()).isEqualTo(Lbfgs.Stop.MAX_ITERATIONS);
        assertThat(result.iterations()).isEqualTo(2);
    }

    @Test
    void pseudoGradientHoldsAZeroCoordinateWhereThePenaltyOutweighsTheSlope() {
        double[] out = new double[5];
        OwlQn.pseudoGradient(new double[] {0, 0, 0, 2, -2}, new double[] {0.5, 3, -3, 0.5, 0.5},
                new double[] {1, 1, 1, 1, 1}, out);
        // At 0: |0.5| ≤ 1 → 0; slope 3 > 1 → 3 − 1; slope −3 → −3 + 1. Off 0: g ± λ by the sign.
        assertThat(out).containsExactly(0, 2, -2, 1.5, -0.5);
    }

    @Test
    void badWeightsAreRejected() {
        assertThatThrownBy(() -> owlqn(10, 1e-6).minimize(distanceTo(1, 2), new double[] {1}, new double[2],
                Lbfgs.IterationListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 L1 weights for 2 coordinates");
        assertThatThrownBy(() -> owlqn(10, 1e-6).minimize(distanceTo(1, 2), new double[] {1, -0.5}, new double[2],
                Lbfgs.IterationListener.NONE)).hasMessageContaining("L1 weight 1 is -0.5");
        assertThatThrownBy(() -> owlqn(10, 1e-6).minimize(distanceTo(1, 2), new double[] {Double.NaN, 0}, new double[2],
                Lbfgs.IterationListener.NONE)).hasMessageContaining("L1 weight 0 is NaN");
    }
}
