package dev.grove.classical.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** Rosenbrock's banana, minimum 0 at (1, 1). */
    private static final DifferentiableFunction ROSENBROCK = (x, g) -> {
        double a = 1 - x[0];
        double b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };

    /** −Σ log(xᵢ) + log(1 − xᵢ): minimum at every xᵢ = ½, NaN outside (0, 1). */
    private static final DifferentiableFunction BARRIER = (x, g) -> {
        double value = 0;
        for (int i = 0; i < x.length; i++) {
            value -= Math.log(x[i]) + Math.log(1 - x[i]);
            g[i] = -1 / x[i] + 1 / (1 - x[i]);
        }
        return value;
    };

    private static Lbfgs lbfgs(int maxIterations, double tolerance) {
        return new Lbfgs(Lbfgs.Settings.of(maxIterations, tolerance));
    }

    @Test
    void findsTheMinimumOfRosenbrocksFunction() {
        Lbfgs.Result result = lbfgs(200, 1e-8).minimize(ROSENBROCK, new double[] {-1.2, 1}, Lbfgs.IterationListener.NONE);
        assertThat(result.stop()).isEqualTo(Lbfgs.Stop.CONVERGED);
        assertThat(result.gradientMaxNorm()).isLessThanOrEqualTo(1e-8);
        assertThat(result.solution()[0]).isCloseTo(1, offset(1e-7));
        assertThat(result.solution()[1]).isCloseTo(1, offset(1e-7));
        assertThat(result.value()).isLessThan(1e-14);
    }

    @Test
    void solvesAQuadraticToItsLinearSystem() {
        // ½xᵀAx − bᵀx with A = [[4, 1, 0], [1, 3, 1], [0, 1, 2]], b = (1, 2, 3): the minimiser solves
        // Ax = b. By Cramer's rule (det A = 18) x = (4, 2, 26) / 18 = (2/9, 1/9, 13/9); check: 8/9 + 1/9 = 1,
        // 2/9 + 3/9 + 13/9 = 2, 1/9 + 26/9 = 3.
        double[][] a = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
        double[] b = {1, 2, 3};
        DifferentiableFunction quadratic = (x, g) -> {
            double value = 0;
            for (int i = 0; i < 3; i++) {
                double ax = 0;
                for (int j = 0; j < 3; j++) {
                    ax += a[i][j] * x[j];
                }
                g[i] = ax - b[i];
                value += 0.5 * x[i] * ax - b[i] * x[i];
            }
            return value;
        };
        Lbfgs.Result result = lbfgs(100, 1e-12).minimize(quadratic, new double[3], Lbfgs.IterationListener.NONE);
        assertThat(result.converged()).isTrue();
        assertThat(result.solution()).containsExactly(new double[] {2.0 / 9, 1.0 / 9, 13.0 / 9}, offset(1e-11));
    }

    @Test
    void stepsBackFromWhereTheFunctionIsUndefined() {
        // The first trial step from 0.9 lands below 0, where log gives NaN.
        Lbfgs.Result result = lbfgs(100, 1e-10).minimize(BARRIER, new double[] {0.9, 0.02}, Lbfgs.IterationListener.NONE);
        assertThat(result.converged()).isTrue();
        assertThat(result.solution()).containsExactly(new double[] {0.5, 0.5}, offset(1e-10));
    }

    @Test
    void stopsAtTheIterationBudget() {
        Lbfgs.Result result = lbfgs(3, 1e-8).minimize(ROSENBROCK, new double[] {-1.2, 1}, Lbfgs.IterationListener.NONE);
        assertThat(result.stop()).isEqualTo(Lbfgs.Stop.MAX_ITERATIONS);
        assertThat(result.converged()).isFalse();
        assertThat(result.iterations()).isEqualTo(3);
        // Rosenbrock at the start is 24.2; three descent steps lower it.
        assertThat(result.value()).isLessThan(24.2);
    }

    @Test
    void doesNotStepFromAPointThatAlreadyMeetsTheTolerance() {
        Lbfgs.Result result = lbfgs(10, 1e-8).minimize(ROSENBROCK, new double[] {1, 1}, Lbfgs.IterationListener.NONE);
        assertThat(result.stop()).isEqualTo(Lbfgs.Stop.CONVERGED);
        assertThat(result.iterations()).isZero();
        assertThat(result.evaluations()).isEqualTo(1);
        assertThat(result.solution()).containsExactly(1, 1);
    }

    @Test
    void reportsEachStepWithAFallingValue() {
        List<double[]> steps = new ArrayList<>();
        Lbfgs.Result result = lbfgs(200, 1e-8).minimize(ROSENBROCK, new double[] {-1.2, 1},
                (iteration, value, gradient) -> steps.add(new double[] {iteration, value, gradient}));
        assertThat(steps).hasSize(result.iterations());
        double previous = 24.2;
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i)[0]).isEqualTo(i + 1);
            assertThat(steps.get(i)[1]).isLessThanOrEqualTo(previous * (1 + 1e-10));
            previous = steps.get(i)[1];
        }
        assertThat(steps.get(steps.size() - 1)[2]).isEqualTo(result.gradientMaxNorm());
    }

    @Test
    void stopsOnTheFirstStepWhoseRelativeDecreaseIsWithinTheTolerance() {
        // Rosenbrock plus 1000: the relative decrease (f_k − f_k+1) / max(|f_k|, |f_k+1|, 1) of 1e-6 is met
        // far from the gradient tolerance; the listener sees the values, so the rule is checked from outside.
        DifferentiableFunction lifted = (x, g) -> 1000 + ROSENBROCK.valueAndGradient(x, g);
        List<Double> values = new ArrayList<>();
        values.add(1024.2);
        Lbfgs.Result result = new Lbfgs(Lbfgs.Settings.of(500, 1e-12).withRelativeDecreaseTolerance(1e-6))
                .minimize(lifted, new double[] {-1.2, 1}, (iteration, value, gradient) -> values.add(value));
        assertThat(result.stop()).isEqualTo(Lbfgs.Stop.RELATIVE_DECREASE);
        assertThat(result.converged()).isTrue();
        assertThat(result.gradientMaxNorm()).isGreaterThan(1e-12);
        for (int k = 1; k < values.size(); k++) {
            double decrease = (values.get(k - 1) - values.get(k)) / Math.max(Math.abs(values.get(k - 1)), 1);
            if (k < values.size() - 1) {
                assertThat(decrease).as("step %d", k).isGreaterThan(1e-6);
            } else {
                assertThat(decrease).as("last step").isLessThanOrEqualTo(1e-6);
            }
        }
        // Without the rule the same start runs to the gradient tolerance.
        Lbfgs.Result full = new Lbfgs(Lbfgs.Settings.of(500, 1e-8)).minimize(lifted, new double[] {-1.2, 1},
                Lbfgs.IterationListener.NONE);
        assertThat(full.stop()).isEqualTo(Lbfgs.Stop.CONVERGED);
        assertThat(full.iterations()).isGreaterThan(result.iterations());
    }

    @Test
    void aListenerCanAbandonTheMinimisation() {
        assertThatThrownBy(() -> lbfgs(200, 1e-8).minimize(ROSENBROCK, new double[] {-1.2, 1}, (iteration, value, gradient) -> {
            if (iteration == 2) {
                throw new CancellationException("stop");
            }
        })).isInstanceOf(CancellationException.class);
    }

    @Test
    void aGradientThatContradictsTheValueEndsInLineSearchFailure() {
        // f = x², but the "gradient" has the wrong sign, so every claimed descent direction climbs.
        DifferentiableFunction wrong = (x, g) -> {
            g[0] = -2 * x[0];
            return x[0] * x[0];
        };
        Lbfgs.Result result = lbfgs(50, 1e-8).minimize(wrong, new double[] {3}, Lbfgs.IterationListener.NONE);
        assertThat(result.stop()).isEqualTo(Lbfgs.Stop.LINE_SEARCH_FAILED);
        assertThat(result.solution()).containsExactly(3);
    }

    @Test
    void aNonFiniteStartIsRejected() {
        assertThatThrownBy(() -> lbfgs(10, 1e-8).minimize(BARRIER, new double[] {2}, Lbfgs.IterationListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
    }

    @Test
    void badSettingsAreRejectedByName() {
        assertThatThrownBy(() -> Lbfgs.Settings.of(-1, 1e-4)).hasMessageContaining("max-iterations must be >= 0, got -1");
        assertThatThrownBy(() -> Lbfgs.Settings.of(10, Double.NaN)).hasMessageContaining("gradient-tolerance");
        assertThatThrownBy(() -> Lbfgs.Settings.of(10, 1e-4).withRelativeDecreaseTolerance(-1))
                .hasMessageContaining("relative-decrease-tolerance must be >= 0, got -1");
        assertThatThrownBy(() -> new Lbfgs.Settings(10, 1e-4, 0, 0, 20)).hasMessageContaining("memory must be >= 1");
        assertThatThrownBy(() -> new Lbfgs.Settings(10, 1e-4, 0, 10, 0)).hasMessageContaining("max-line-search-evaluations");
    }
}
