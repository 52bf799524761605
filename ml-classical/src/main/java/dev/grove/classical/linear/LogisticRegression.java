package dev.grove.classical.linear;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.LogisticObjective;
import dev.grove.classical.optim.Lbfgs;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Logistic regression fitted by L-BFGS from zero weights, as scikit-learn's {@code LogisticRegression}
 * with the lbfgs solver: the sigmoid model with one weight row for two classes, the multinomial
 * (softmax) model with one row per class for three or more. Deterministic: it draws no random numbers,
 * and the result is bitwise the same for any thread budget of the run context.
 *
 * <pre>{@code
 * var model = new LogisticRegression(LogisticRegressionParams.defaults()).fit(data, RunContext.withSeed(0));
 * }</pre>
 *
 * <p>Each iteration reports progress and records {@code loss} (the objective divided by the number of
 * rows: mean log-loss plus ‖W‖²/(2c·rows)) in the run history, and honours cancellation.
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
        Lbfgs.Result result = new Lbfgs(Lbfgs.Settings.of(params.maxIter(), params.tol()))
                .minimize(objective, new double[objective.dimension()], listener);
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
