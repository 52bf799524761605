package dev.grove.classical.svm;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import dev.grove.tensor.ThreadBudget;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The linear support vector classifier of liblinear, as scikit-learn's {@code LinearSVC} with
 * {@code dual=True}: one weight vector per class against the rest (one for two classes, positive for
 * the second), each fitted by {@link DualCoordinateDescent}. Made for many rows: a pass costs one
 * dot product and one update per row, with no kernel matrix.
 *
 * <pre>{@code
 * var model = new LinearSvm(LinearSvmParams.defaults()).fit(data, RunContext.withSeed(0));
 * }</pre>
 *
 * <p>The order of the coordinates in each pass is random, drawn from {@code context.rng("order/" + class)},
 * so a seed gives one model whatever the thread budget; the binary problems run in parallel on
 * {@link ThreadBudget}'s pool when the context's budget is above 1. Progress is reported per
 * problem, the run history gets one row per problem ({@code iterations}), and cancellation is
 * honoured every ten passes.
 */
public final class LinearSvm implements Estimator<LinearSvmModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "linear-svm";

    private final LinearSvmParams params;

    /** An estimator with {@code params}. */
    public LinearSvm(LinearSvmParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public LinearSvmParams params() {
        return params;
    }

    /**
     * Fits a model on {@code data}, which needs class targets with rows of at least two classes and
     * finite features. Classes of the schema without rows take no part: the model never predicts them.
     *
     * @throws IllegalArgumentException if the data does not meet those needs
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public LinearSvmModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int[] labels = Inputs.classLabels(NAME, data);
        double[] x = Inputs.finiteFeatures(NAME, data);
        int features = data.featureCount();
        int[] classes = PresentClasses.of(NAME, data, labels);
        // Two classes need one problem (the second class against the first); more need one per class.
        int problems = classes.length == 2 ? 1 : classes.length;
        DualCoordinateDescent.Solution[] solutions = new DualCoordinateDescent.Solution[problems];
        Object progressLock = new Object();
        int[] solved = new int[1];
        IntConsumer solveProblem = p -> {
            context.checkCancelled();
            int positive = classes[problems == 1 ? 1 : p];
            byte[] y = new byte[labels.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = labels[i] == positive ? (byte) 1 : (byte) -1;
            }
            solutions[p] = DualCoordinateDescent.solve(x, features, y, params.fitIntercept(),
                    params.loss().equals("squared-hinge"), params.c(), params.tol(), params.maxIter(),
                    context.rng("order/" + data.schema().classLabels().get(positive)), context::checkCancelled);
            synchronized (progressLock) {
                solved[0]++;
                context.progress().update(NAME, solved[0], problems, String.format(Locale.ROOT, "%s against the rest: %d passes",
                        data.schema().classLabels().get(positive), solutions[p].iterations()));
            }
        };
        if (context.threads() > 1 && problems > 1) {
            ThreadBudget.parallelFor(problems, solveProblem);
        } else {
            for (int p = 0; p < problems; p++) {
                solveProblem.accept(p);
            }
        }
        double[][] coefficients = new double[problems][];
        double[] intercepts = new double[problems];
        int iterations = 0;
        boolean converged = true;
        for (int p = 0; p < problems; p++) {
            double[] w = solutions[p].weights();
            coefficients[p] = Arrays.copyOf(w, features);
            intercepts[p] = params.fitIntercept() ? w[features] : 0;
            iterations = Math.max(iterations, solutions[p].iterations());
            converged &= solutions[p].converged();
            context.recordHistory(p, Map.of("iterations", (double) solutions[p].iterations()));
        }
        return new LinearSvmModel(data.schema(), classes, coefficients, intercepts, iterations, converged);
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
