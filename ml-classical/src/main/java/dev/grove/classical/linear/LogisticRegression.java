package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.LogisticObjective;
import dev.grove.classical.optim.Lbfgs;
import dev.grove.classical.optim.OwlQn;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Logistic regression with scikit-learn's objective, fitted from zero weights: the sigmoid model with
 * one weight row for two classes, the multinomial (softmax) model with one row per class for three or
 * more. Penalties {@code l2} and {@code none} are fitted by L-BFGS, as scikit-learn's lbfgs solver
 * does; {@code l1} and {@code elastic-net} by OWL-QN, which reaches the same optimum as
 * scikit-learn's saga solver and leaves weights at exactly zero (see {@link LogisticRegressionParams}
 * for when each stops). Deterministic: it draws no random numbers, and the result is
 * bitwise the same for any thread budget of the run context.
 *
 * <pre>{@code
 * var model = new LogisticRegression(LogisticRegressionParams.defaults()).fit(data, RunContext.withSeed(0));
 * }</pre>
 *
 * <p>Each iteration reports progress and records {@code loss} (the objective divided by the number of
 * rows: mean log-loss plus penalty/(c·rows)) in the run history, and honours cancellation.
 */
public final class LogisticRegression implements Estimator<LogisticRegressionModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "logistic-regression";

    private final LogisticRegressionParams params;

    /** An estimator with {@code params}. */
    public LogisticRegression(LogisticRegressionParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public LogisticRegressionParams params() {
        return params;
    }

    /**
     * Fits a model on {@code data}, which needs class targets with rows of at least two classes and
     * finite features. Classes of the schema without rows get weights too (and low probabilities).
     *
     * @throws IllegalArgumentException if the data does not meet those needs
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public LogisticRegressionModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int[] labels = Inputs.classLabels(NAME, data);
        int classes = data.schema().classLabels().size();
        requireTwoClassesPresent(data, labels, classes);
        double[] x = Inputs.finiteFeatures(NAME, data);
        var objective = new LogisticObjective(x, data.featureCount(), labels, classes, params.fitIntercept(),
                params.l2Strength(), context.threads() > 1);
        int rows = labels.length;
        Lbfgs.IterationListener listener = (iteration, value, gradientMaxNorm) -> {
            context.checkCancelled();
            double loss = value / rows;
            context.recordHistory(iteration, Map.of("loss", loss));
            context.progress().update(NAME, iteration, params.maxIter(), String.format(Locale.ROOT, "loss %.6f", loss));
        };
        Lbfgs.Settings settings = Lbfgs.Settings.of(params.maxIter(), params.tol());
        double[] start = new double[objective.dimension()];
        double l1 = params.l1Strength();
        // OWL-QN stops on the pseudo-gradient alone: its projected steps may lower the objective little
        // while still far from the optimum, so the relative decrease rule would stop it early.
        Lbfgs.Result result = l1 > 0
                ? new OwlQn(settings).minimize(objective, objective.l1Weights(l1), start, listener)
                : new Lbfgs(settings.withRelativeDecreaseTolerance(params.relativeDecreaseTol()))
                        .minimize(objective, start, listener);
        return new LogisticRegressionModel(data.schema(), objective.coefficients(result.solution()),
                objective.intercepts(result.solution()), result.iterations(), result.converged());
    }

    private static void requireTwoClassesPresent(Dataset data, int[] labels, int classes) {
        int[] counts = Inputs.classCounts(labels, classes);
        long present = Arrays.stream(counts).filter(count -> count > 0).count();
        if (present < 2) {
            throw new IllegalArgumentException(NAME + " needs rows of at least 2 classes to fit, but all " + labels.length
                    + " rows are class '" + data.schema().classLabels().get(labels[0]) + "'");
        }
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
