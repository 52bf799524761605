package dev.grove.api.metric;

/**
 * The standard metrics as {@link Metric} objects, each computed by {@link Metrics} and each saying
 * through {@link Metric#appliesTo} when its inputs are present: class metrics need class truth and
 * predictions from a model that is not a clusterer, probability metrics need probabilities,
 * regression metrics a numeric target, and cluster metrics integer cluster ids for the data's rows.
 * The core plugin registers these under their kebab-case names.
 */
public final class StandardMetrics {

    private static final Metric ACCURACY = new LabelMetric(Metrics::accuracy);
    private static final Metric PRECISION_MACRO = new LabelMetric(Metrics::precisionMacro);
    private static final Metric PRECISION_WEIGHTED = new LabelMetric(Metrics::precisionWeighted);
    private static final Metric RECALL_MACRO = new LabelMetric(Metrics::recallMacro);
    private static final Metric RECALL_WEIGHTED = new LabelMetric(Metrics::recallWeighted);
    private static final Metric F1_MACRO = new LabelMetric(Metrics::f1Macro);
    private static final Metric F1_WEIGHTED = new LabelMetric(Metrics::f1Weighted);
    private static final Metric CONFUSION_MATRIX = new ConfusionMatrixMetric();
    private static final Metric LOG_LOSS = new LogLossMetric();
    private static final Metric PERPLEXITY = new PerplexityMetric();
    private static final Metric ROC_AUC = new RocAucMetric();
    private static final Metric MSE = new RegressionMetric(Metrics::mse, false);
    private static final Metric RMSE = new RegressionMetric(Metrics::rmse, false);
    private static final Metric MAE = new RegressionMetric(Metrics::mae, false);
    private static final Metric R2 = new RegressionMetric(Metrics::r2, true);
    private static final Metric SILHOUETTE = new SilhouetteMetric();
    private static final Metric INERTIA = new InertiaMetric();

    private StandardMetrics() {
    }

    /** Fraction of correctly predicted classes. */
    public static Metric accuracy() {
        return ACCURACY;
    }

    /** Precision averaged over classes. */
    public static Metric precisionMacro() {
        return PRECISION_MACRO;
    }

    /** Precision averaged over classes, weighted by class support. */
    public static Metric precisionWeighted() {
        return PRECISION_WEIGHTED;
    }

    /** Recall averaged over classes. */
    public static Metric recallMacro() {
        return RECALL_MACRO;
    }

    /** Recall averaged over classes, weighted by class support. */
    public static Metric recallWeighted() {
        return RECALL_WEIGHTED;
    }

    /** F1 averaged over classes. */
    public static Metric f1Macro() {
        return F1_MACRO;
    }

    /** F1 averaged over classes, weighted by class support. */
    public static Metric f1Weighted() {
        return F1_WEIGHTED;
    }

    /** Counts of true (rows) against predicted (columns) classes. */
    public static Metric confusionMatrix() {
        return CONFUSION_MATRIX;
    }

    /** Cross-entropy of predicted probabilities. */
    public static Metric logLoss() {
        return LOG_LOSS;
    }

    /** Exponential of the log-loss: the perplexity of a language model over the tokens of a stream. */
    public static Metric perplexity() {
        return PERPLEXITY;
    }

    /** Area under the ROC curve (two classes). */
    public static Metric rocAuc() {
        return ROC_AUC;
    }

    /** Mean squared error. */
    public static Metric mse() {
        return MSE;
    }

    /** Root mean squared error. */
    public static Metric rmse() {
        return RMSE;
    }

    /** Mean absolute error. */
    public static Metric mae() {
        return MAE;
    }

    /** Coefficient of determination. */
    public static Metric r2() {
        return R2;
    }

    /** Mean silhouette coefficient of the predicted clusters. */
    public static Metric silhouette() {
        return SILHOUETTE;
    }

    /** Within-cluster sum of squares of the predicted clusters. */
    public static Metric inertia() {
        return INERTIA;
    }
}
