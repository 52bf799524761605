package dev.grove.classical.svm;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.ModelState;
import dev.grove.classical.internal.Inputs;
import dev.grove.classical.internal.LogSumExp;
import dev.grove.classical.internal.LogisticObjective;
import java.util.Arrays;

/**
 * A fitted kernel SVM, laid out as scikit-learn's {@code SVC}: immutable and safe to share between
 * threads.
 *
 * <p>The model knows the classes that had training rows ({@link #classes()}, indices into the
 * schema's labels, ascending) — k of them — and holds the support vectors grouped by class
 * ({@link #supportCounts()} per class), their dual coefficients y_i α_i as a (k − 1) × n_SV matrix and
 * one intercept per pair of classes, in the pair order (0,1), (0,2), …, (0,k−1), (1,2), …. For the
 * pair (a, b) the decision value of a row x is
 * <pre>
 *   f_ab(x) = Σ_{s of class a} dual[b−1][s] K(x, s) + Σ_{s of class b} dual[a][s] K(x, s) + intercept[ab],
 * </pre>
 * positive for class a. With two classes, as scikit-learn does, the signs are turned so that
 * f(x) = Σ_s dual[0][s] K(x, s) + intercept is positive for the <em>second</em> class.
 *
 * <p>{@link #predict} is libsvm's vote: each pair votes for one of its classes, the most votes win,
 * the lower class on ties. {@link #predictProba} is <strong>not calibrated</strong>: there is no
 * Platt scaling (scikit-learn's {@code probability=False}); the "probabilities" are the softmax of
 * the one-vs-rest scores of {@link #decisionFunctionOvr} (with two classes, σ(f) for the second
 * class). They order the classes like the scores but are no estimate of the chance of being right;
 * their argmax can differ from {@link #predict} where votes tie. Classes without training rows get
 * probability 0.
 *
 * <p>{@link #state()} holds arrays {@code support-vectors} (n_SV × features), {@code dual-coef}
 * ((k − 1) × n_SV), {@code intercept} (pairs), {@code n-support} (k), {@code support} (the training
 * row of each support vector), {@code classes} (k) and {@code n-iter} (SMO iterations per pair), and
 * attributes {@code kernel}, {@code gamma} (the resolved number), {@code degree}, {@code coef0} and
 * {@code converged}.
 */
public final class SvmModel implements Classifier {

    private final Schema schema;
    private final Kernel kernel;
    private final int[] classes;
    private final int[] supportCounts;
    private final int[] supportIndices;
    private final double[] supportVectors;
    private final double[][] dualCoefficients;
    private final double[] intercepts;
    private final int[] iterations;
    private final boolean converged;
    private final PairwiseDecision decision;

    SvmModel(Schema schema, Kernel kernel, int[] classes, int[] supportCounts, int[] supportIndices, double[] supportVectors,
             double[][] dualCoefficients, double[] intercepts, int[] iterations, boolean converged) {
        this.schema = schema;
        this.kernel = kernel;
        this.classes = classes;
        this.supportCounts = supportCounts;
        this.supportIndices = supportIndices;
        this.supportVectors = supportVectors;
        this.dualCoefficients = dualCoefficients;
        this.intercepts = intercepts;
        this.iterations = iterations;
        this.converged = converged;
        this.decision = new PairwiseDecision(kernel, schema.featureCount(), supportVectors, supportCounts, dualCoefficients,
                intercepts);
    }

    /**
     * Rebuilds a model from {@link #state()} and the schema it was trained on (the component's
     * restorer; the kernel and its coefficients come from the state, so the params do not matter).
     *
     * @throws IllegalArgumentException if an array or attribute is missing, malformed or inconsistent
     */
    public static SvmModel restore(SvmParams params, Schema schema, ModelState state) {
        return SupportVectors.restore(schema, state);
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The schema indices of the classes that had training rows, ascending: the classes the model can predict. */
    public int[] classes() {
        return classes.clone();
    }

    /** The kernel family: {@code linear}, {@code rbf}, {@code poly} or {@code sigmoid}. */
    public String kernel() {
        return kernel.type.paramName();
    }

    /** The γ used (resolved from {@code scale} or {@code auto} at fit time). */
    public double gamma() {
        return kernel.gamma;
    }

    /** The degree of the poly kernel. */
    public int degree() {
        return kernel.degree;
    }

    /** The constant term of the poly and sigmoid kernels. */
    public double coef0() {
        return kernel.coef0;
    }

    /** Number of support vectors of each class of {@link #classes()}. */
    public int[] supportCounts() {
        return supportCounts.clone();
    }

    /** The training row (index into the fitted dataset) of each support vector, grouped by class. */
    public int[] supportIndices() {
        return supportIndices.clone();
    }

    /** The support vectors, one row each, in the order of {@link #supportIndices()}. A copy. */
    public double[][] supportVectors() {
        int d = schema.featureCount();
        double[][] out = new double[supportIndices.length][d];
        for (int s = 0; s < out.length; s++) {
            System.arraycopy(supportVectors, s * d, out[s], 0, d);
        }
        return out;
    }

    /** The dual coefficients, (k − 1) × n_SV, laid out as scikit-learn's {@code dual_coef_}. A copy. */
    public double[][] dualCoefficients() {
        double[][] out = new double[dualCoefficients.length][];
        for (int r = 0; r < out.length; r++) {
            out[r] = dualCoefficients[r].clone();
        }
        return out;
    }

    /** One intercept per pair of classes, as scikit-learn's {@code intercept_}. A copy. */
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** SMO iterations each pairwise problem took. */
    public int[] iterations() {
        return iterations.clone();
    }

    /** Whether every pairwise problem met the tolerance before max-iter. */
    public boolean converged() {
        return converged;
    }

    /**
     * One-vs-one decision values, scikit-learn's {@code decision_function} with shape {@code ovo}: a
     * row per data row and a column per pair of {@link #classes()} in the order (0,1), (0,2), …,
     * positive for the first class of the pair; with two classes one column, positive for the second.
     */
    public double[][] decisionFunction(Dataset data) {
        return decision.evaluate(features(data), data.rows());
    }

    /**
     * One-vs-rest scores, scikit-learn's {@code decision_function} with shape {@code ovr}: per class of
     * {@link #classes()} its pairwise votes plus the sum of its pairwise decision values squashed into
     * (−⅓, ⅓), which breaks ties without overturning a vote. With two classes this is the single
     * decision value of {@link #decisionFunction}, as in scikit-learn.
     */
    public double[][] decisionFunctionOvr(Dataset data) {
        double[][] ovo = decisionFunction(data);
        if (classes.length == 2) {
            return ovo;
        }
        double[][] out = new double[ovo.length][];
        for (int i = 0; i < ovo.length; i++) {
            out[i] = oneVsRest(ovo[i]);
        }
        return out;
    }

    @Override
    public int[] predict(Dataset data) {
        double[][] ovo = decisionFunction(data);
        int[] out = new int[ovo.length];
        int k = classes.length;
        int[] votes = new int[k];
        for (int i = 0; i < ovo.length; i++) {
            if (k == 2) {
                // The flipped binary value f: libsvm's own value is −f, and it picks the first class when −f > 0.
                out[i] = classes[ovo[i][0] < 0 ? 0 : 1];
                continue;
            }
            Arrays.fill(votes, 0);
            for (int a = 0, p = 0; a < k; a++) {
                for (int b = a + 1; b < k; b++, p++) {
                    votes[ovo[i][p] > 0 ? a : b]++;
                }
            }
            int best = 0;
            for (int a = 1; a < k; a++) {
                if (votes[a] > votes[best]) {
                    best = a;
                }
            }
            out[i] = classes[best];
        }
        return out;
    }

    /**
     * Uncalibrated class scores in [0, 1] summing to 1 — see the class documentation: the softmax of
     * the one-vs-rest scores, not Platt-scaled probabilities. One column per schema class.
     */
    @Override
    public double[][] predictProba(Dataset data) {
        double[][] ovo = decisionFunction(data);
        int labels = schema.classLabels().size();
        double[][] out = new double[ovo.length][labels];
        for (int i = 0; i < ovo.length; i++) {
            if (classes.length == 2) {
                out[i][classes[0]] = LogisticObjective.sigmoid(-ovo[i][0]);
                out[i][classes[1]] = LogisticObjective.sigmoid(ovo[i][0]);
            } else {
                double[] scores = oneVsRest(ovo[i]);
                LogSumExp.softmaxInPlace(scores);
                for (int a = 0; a < classes.length; a++) {
                    out[i][classes[a]] = scores[a];
                }
            }
        }
        return out;
    }

    @Override
    public ModelState state() {
        return SupportVectors.state(schema, kernel, classes, supportCounts, supportIndices, supportVectors, dualCoefficients,
                intercepts, iterations, converged);
    }

    /** scikit-learn's {@code _ovr_decision_function} for one row's pairwise values. */
    private double[] oneVsRest(double[] pairwise) {
        int k = classes.length;
        double[] votes = new double[k];
        double[] confidence = new double[k];
        for (int a = 0, p = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++, p++) {
                double value = pairwise[p];
                confidence[a] += value;
                confidence[b] -= value;
                votes[value < 0 ? b : a]++;
            }
        }
        for (int a = 0; a < k; a++) {
            votes[a] += confidence[a] / (3 * (Math.abs(confidence[a]) + 1));
        }
        return votes;
    }

    private double[] features(Dataset data) {
        checkColumns(data);
        return Inputs.finiteFeatures(Svm.NAME, data);
    }

    @Override
    public String toString() {
        return "SvmModel[" + kernel + ", " + classes.length + " classes, " + supportIndices.length + " support vectors × "
                + schema.featureCount() + " features]";
    }
}
