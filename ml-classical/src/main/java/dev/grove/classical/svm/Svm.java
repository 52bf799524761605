package dev.grove.classical.svm;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.internal.Inputs;
import dev.grove.tensor.ThreadBudget;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * The kernel support vector classifier of libsvm, as scikit-learn's {@code SVC}: for every pair of
 * classes (one-vs-one, k(k−1)/2 problems) the C-SVC dual is solved by SMO with second-order
 * working-set selection, shrinking and a cache of kernel rows ({@link SmoSolver}); a row's class is
 * the one with most pairwise votes, the lower class index on ties.
 *
 * <pre>{@code
 * var model = new Svm(SvmParams.defaults()).fit(data, RunContext.withSeed(0));
 * }</pre>
 *
 * <p>Deterministic: nothing is random, and the model is bitwise the same for any thread budget. With
 * a budget above 1 the pairwise problems are solved in parallel on {@link ThreadBudget}'s pool; the
 * {@code cache-size-mb} budget is then split between the problems solved at once. Progress is
 * reported per solved pair, and the run history gets one row per pair ({@code iterations},
 * {@code objective}, {@code support-vectors}); cancellation is honoured every 1000 SMO iterations.
 */
public final class Svm implements Estimator<SvmModel> {

    /** The component name under which the classical plugin registers it. */
    public static final String NAME = "svm";

    private final SvmParams params;

    /** An estimator with {@code params}. */
    public Svm(SvmParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params. */
    public SvmParams params() {
        return params;
    }

    /**
     * Fits a model on {@code data}, which needs class targets with rows of at least two classes, at
     * least one feature and finite features. Classes of the schema without rows take no part: the
     * model never predicts them.
     *
     * @throws IllegalArgumentException if the data does not meet those needs
     * @throws java.util.concurrent.CancellationException if the run is cancelled meanwhile
     */
    @Override
    public SvmModel fit(Dataset data, RunContext context) {
        context.checkCancelled();
        int[] labels = Inputs.classLabels(NAME, data);
        int features = data.featureCount();
        if (features == 0) {
            throw new IllegalArgumentException(NAME + " needs at least one feature to fit, but the data has none");
        }
        double[] x = Inputs.finiteFeatures(NAME, data);
        int[] classes = PresentClasses.of(NAME, data, labels);
        int[][] members = PresentClasses.members(classes, labels, data.schema().classLabels().size());
        Kernel kernel = new Kernel(Kernel.Type.named(params.kernel()), params.gammaValue(x, features), params.degree(),
                params.coef0());

        int k = classes.length;
        int pairs = k * (k - 1) / 2;
        int[] firstOfPair = new int[pairs];
        int[] secondOfPair = new int[pairs];
        for (int a = 0, p = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++, p++) {
                firstOfPair[p] = a;
                secondOfPair[p] = b;
            }
        }
        int workers = context.threads() > 1 ? Math.min(Math.min(context.threads(), ThreadBudget.get()), pairs) : 1;
        long cacheBytes = (long) (params.cacheSizeMb() * (1 << 20) / workers);
        SmoSolver.Solution[] solutions = new SmoSolver.Solution[pairs];
        Object progressLock = new Object();
        int[] solved = new int[1];
        IntConsumer solvePair = p -> {
            context.checkCancelled();
            int[] first = members[firstOfPair[p]];
            int[] second = members[secondOfPair[p]];
            solutions[p] = solvePair(kernel, x, features, first, second, cacheBytes, context);
            synchronized (progressLock) {
                solved[0]++;
                context.progress().update(NAME, solved[0], pairs, String.format(Locale.ROOT, "%s vs %s: %d iterations",
                        data.schema().classLabels().get(classes[firstOfPair[p]]),
                        data.schema().classLabels().get(classes[secondOfPair[p]]), solutions[p].iterations()));
            }
        };
        if (workers > 1) {
            ThreadBudget.parallelFor(pairs, solvePair);
        } else {
            for (int p = 0; p < pairs; p++) {
                solvePair.accept(p);
            }
        }
        for (int p = 0; p < pairs; p++) {
            context.recordHistory(p, Map.of("iterations", (double) solutions[p].iterations(),
                    "objective", solutions[p].objective(), "support-vectors", (double) countNonZero(solutions[p].signedAlpha())));
        }
        return SupportVectors.assemble(data.schema(), kernel, x, features, classes, members, solutions);
    }

    private SmoSolver.Solution solvePair(Kernel kernel, double[] x, int features, int[] first, int[] second,
                                         long cacheBytes, RunContext context) {
        int[] rows = new int[first.length + second.length];
        byte[] y = new byte[rows.length];
        System.arraycopy(first, 0, rows, 0, first.length);
        System.arraycopy(second, 0, rows, first.length, second.length);
        for (int r = 0; r < rows.length; r++) {
            y[r] = r < first.length ? (byte) 1 : (byte) -1;
        }
        KernelMatrix q = new KernelMatrix(kernel, x, features, rows, y, cacheBytes);
        return new SmoSolver(q, params.c(), params.tol(), params.maxIter(), context::checkCancelled).solve();
    }

    private static int countNonZero(double[] values) {
        int count = 0;
        for (double v : values) {
            if (v != 0) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return NAME + params;
    }
}
