package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fit diagnosis of the course's bias/variance table, made from a run's figures: a verdict, the
 * figures that led to it in words, and the course's remedies.
 *
 * <ul>
 *   <li><b>Underfitting</b> (high bias): the training error is high — at least
 *       {@value #HIGH_ERROR} — and close to the held-out error. Remedies: a more complex model, more
 *       features, train longer.</li>
 *   <li><b>Overfitting</b> (high variance): the training error is much lower than the held-out
 *       error — by at least {@value #GAP} and to less than 1/{@value #GAP_RATIO} of it. Remedies:
 *       regularize, more data or augmentation, early stopping, dropout.</li>
 *   <li><b>About right</b>: a low training error, slightly (or not) below the held-out error.</li>
 * </ul>
 *
 * <p>The error is 1 − accuracy for classifiers and 1 − R² (the share of variance left unexplained)
 * for regressors, from metrics.json: training against validation, else cross-validation, else test.
 * The thresholds are rules of thumb (the course gives none) and the report states them. When a
 * training curve has a validation loss (networks), the report also names the epoch where it was
 * lowest, and a validation loss that rose by {@value #LOSS_RISE} or more after its minimum while
 * training went on is the overfitting curve of the course's table. A run with only losses (no
 * accuracy or R²) is judged on those alone: overfitting or not, since a loss has no scale that says
 * "high".
 */
final class FitDiagnosis {

    /** A training error at least this high is "high". */
    static final double HIGH_ERROR = 0.10;
    /** The held-out error must exceed the training error by at least this much to be "much" higher… */
    static final double GAP = 0.05;
    /** …and be at least this many times the training error. */
    static final double GAP_RATIO = 1.5;
    /** A validation loss this much (relative) above its minimum at the end of training has turned up. */
    static final double LOSS_RISE = 0.10;

    /** The verdict, as the report's badge reads it. */
    enum Verdict {
        UNDERFITTING("Underfitting (high bias)"),
        ABOUT_RIGHT("About right"),
        OVERFITTING("Overfitting (high variance)"),
        NOT_OVERFITTING("No sign of overfitting"),
        NONE("No diagnosis");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        /** The words shown. */
        String label() {
            return label;
        }
    }

    /**
     * A diagnosis.
     *
     * @param verdict  the column of the course's table the run falls in
     * @param evidence the figures and the reasoning, one sentence each
     * @param remedies what the course suggests for this verdict (none when nothing needs fixing)
     */
    record Diagnosis(Verdict verdict, List<String> evidence, List<String> remedies) {
        /** Copies the lists. */
        Diagnosis {
            evidence = List.copyOf(evidence);
            remedies = List.copyOf(remedies);
        }
    }

    private static final List<String> UNDERFITTING_REMEDIES = List.of(
            "Complexify the model: more parameters, a non-linear model or kernel, less regularization.",
            "Add more features.",
            "Train longer.");
    private static final List<String> OVERFITTING_REMEDIES = List.of(
            "Regularize: an L2 or L1 penalty, or dropout in a network.",
            "Get more data, or augment the data you have.",
            "Stop early: keep the weights of the epoch with the lowest validation loss.",
            "Try a simpler model first.");

    /** Which figure the error is taken from, and its splits. */
    private record Errors(String measure, String heldOutName, double trainFigure, double heldOutFigure, boolean accuracy) {

        double trainError() {
            return 1 - trainFigure;
        }

        double heldOutError() {
            return 1 - heldOutFigure;
        }

        String describe() {
            if (accuracy) {
                return "Training accuracy " + Format.percent(trainFigure) + " (error " + Format.percent(trainError()) + ") against "
                        + heldOutName + " accuracy " + Format.percent(heldOutFigure) + " (error " + Format.percent(heldOutError()) + ").";
            }
            return "Training R² " + Format.number(trainFigure) + " (" + Format.percent(trainError()) + " of the variance unexplained) against "
                    + heldOutName + " R² " + Format.number(heldOutFigure) + " (" + Format.percent(heldOutError()) + " unexplained).";
        }
    }

    /** How a validation loss curve went: where it was lowest and where it ended. */
    private record LossCurve(double bestEpoch, double bestLoss, double lastEpoch, double lastLoss, double lastTrainLoss,
                             double firstTrainLoss) {

        double rise() {
            return (lastLoss - bestLoss) / Math.abs(bestLoss);
        }

        boolean turnedUp() {
            return bestEpoch < lastEpoch && bestLoss != 0 && rise() >= LOSS_RISE;
        }

        String describe() {
            StringBuilder sb = new StringBuilder("Validation loss was lowest at epoch " + Format.number(bestEpoch) + " ("
                    + Format.number(bestLoss) + ")");
            if (bestEpoch < lastEpoch) {
                sb.append("; at the last epoch (").append(Format.number(lastEpoch)).append(") it was ").append(Format.number(lastLoss));
                if (bestLoss != 0) {
                    sb.append(", ").append(Format.percent(rise())).append(" higher");
                }
                if (Double.isFinite(lastTrainLoss)) {
                    sb.append(", while training loss went from ").append(Format.number(firstTrainLoss)).append(" to ")
                            .append(Format.number(lastTrainLoss));
                }
            } else {
                sb.append(", the last epoch: it was still falling");
            }
            return sb.append('.').toString();
        }
    }

    private FitDiagnosis() {
    }

    /** The diagnosis of a run with figures {@code metrics} (metrics.json) and training history {@code history}. */
    static Diagnosis of(Map<String, Object> metrics, History history) {
        LossCurve curve = lossCurve(history);
        Errors errors = errors(metrics, "accuracy", true);
        if (errors == null) {
            errors = errors(metrics, "r2", false);
        }
        if (errors == null) {
            return fromLossesAlone(metrics, curve);
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(errors.describe());
        double train = errors.trainError();
        double heldOut = errors.heldOutError();
        double gap = heldOut - train;
        Verdict verdict;
        if (gap >= GAP && heldOut >= GAP_RATIO * train) {
            verdict = Verdict.OVERFITTING;
            evidence.add("The training error is much lower than the " + errors.heldOutName + " error: "
                    + points(gap) + " lower (the rule used here: at least " + points(GAP) + " lower and under 1/"
                    + Format.number(GAP_RATIO) + " of it)."
                    + (train >= HIGH_ERROR ? " The training error is also high (" + Format.percent(train) + "): both bias and variance are high." : ""));
        } else if (train >= HIGH_ERROR) {
            verdict = Verdict.UNDERFITTING;
            evidence.add("The training error is high (" + Format.percent(train) + ", the rule used here: " + Format.percent(HIGH_ERROR)
                    + " or more) and the " + errors.heldOutName + " error is not much higher (" + gapWords(gap)
                    + (gap > 0 ? ", under " + Format.number(GAP_RATIO) + " times the training error" : "")
                    + "): the model does not fit even the rows it learns from.");
        } else {
            verdict = Verdict.ABOUT_RIGHT;
            evidence.add("The training error is low (" + Format.percent(train) + ", under " + Format.percent(HIGH_ERROR)
                    + ") and " + (gap > 0 ? "slightly below the " + errors.heldOutName + " error (" + gapWords(gap) + ")."
                    : "not below the " + errors.heldOutName + " error (" + gapWords(gap) + ")."));
        }
        if (curve != null) {
            evidence.add(curve.describe());
            if (curve.turnedUp() && verdict != Verdict.OVERFITTING) {
                evidence.add("Validation loss has turned up since epoch " + Format.number(curve.bestEpoch)
                        + ": the network is starting to overfit; early stopping would keep the weights of that epoch.");
            } else if (curve.turnedUp()) {
                evidence.add("The validation loss turning up while training loss keeps falling is the overfitting curve of the"
                        + " course's table.");
            }
        }
        return new Diagnosis(verdict, evidence, remedies(verdict));
    }

    /** A verdict from the loss curve alone (no accuracy or R²), or none when there is no validation loss. */
    private static Diagnosis fromLossesAlone(Map<String, Object> metrics, LossCurve curve) {
        if (curve == null) {
            boolean hasTrainError = metrics.containsKey("train/accuracy") || metrics.containsKey("train/r2");
            String why = hasTrainError
                    ? "The run held out no rows (no validation split, cross-validation or test split), so the training error"
                    + " has nothing to be compared with; add split: {val: 0.2} or evaluate: {cv: {folds: 5}}."
                    : "The diagnosis compares the training and validation errors of a supervised model, and this run has"
                    + " neither accuracy, R² nor a validation loss (an unsupervised model, or no held-out rows).";
            return new Diagnosis(Verdict.NONE, List.of(why), List.of());
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("Final training loss " + Format.number(curve.lastTrainLoss) + " against validation loss "
                + Format.number(curve.lastLoss) + ".");
        evidence.add(curve.describe());
        boolean wideGap = curve.lastTrainLoss > 0 && curve.lastLoss >= GAP_RATIO * curve.lastTrainLoss;
        if (curve.turnedUp() || wideGap) {
            evidence.add(curve.turnedUp()
                    ? "The validation loss turned up while training went on: the overfitting curve of the course's table."
                    : "The validation loss is at least " + Format.number(GAP_RATIO) + " times the training loss.");
            return new Diagnosis(Verdict.OVERFITTING, evidence, OVERFITTING_REMEDIES);
        }
        evidence.add("Whether the training loss is high cannot be told from losses alone (they have no common scale).");
        return new Diagnosis(Verdict.NOT_OVERFITTING, evidence, List.of());
    }

    private static List<String> remedies(Verdict verdict) {
        return switch (verdict) {
            case UNDERFITTING -> UNDERFITTING_REMEDIES;
            case OVERFITTING -> OVERFITTING_REMEDIES;
            default -> List.of();
        };
    }

    /** The training and held-out figures of {@code metric}, held-out from validation, else CV, else test. */
    private static Errors errors(Map<String, Object> metrics, String metric, boolean accuracy) {
        if (!(metrics.get("train/" + metric) instanceof Number train)) {
            return null;
        }
        String[][] heldOut = {{"val/", "validation"}, {"cv/", "cross-validation"}, {"test/", "test"}};
        for (String[] split : heldOut) {
            if (metrics.get(split[0] + metric) instanceof Number value) {
                return new Errors(metric, split[1], train.doubleValue(), value.doubleValue(), accuracy);
            }
        }
        return null;
    }

    /** The validation loss curve of the final fit, if its history has one. */
    private static LossCurve lossCurve(History history) {
        var scope = history.firstWith("val/loss");
        if (scope.isEmpty()) {
            return null;
        }
        double[] steps = scope.get().steps();
        double[] val = scope.get().figure("val/loss");
        double[] train = scope.get().figure("train/loss");
        int best = -1;
        int last = -1;
        for (int i = 0; i < val.length; i++) {
            if (Double.isFinite(val[i])) {
                if (best < 0 || val[i] < val[best]) {
                    best = i;
                }
                last = i;
            }
        }
        if (best < 0) {
            return null;
        }
        double lastTrain = Double.NaN;
        double firstTrain = Double.NaN;
        if (train != null) {
            for (double t : train) {
                if (Double.isFinite(t)) {
                    if (Double.isNaN(firstTrain)) {
                        firstTrain = t;
                    }
                    lastTrain = t;
                }
            }
        }
        return new LossCurve(steps[best], val[best], steps[last], val[last], lastTrain, firstTrain);
    }

    /** An error difference in percentage points: {@code 0.097 → 9.7 points}. */
    private static String points(double difference) {
        return String.format(java.util.Locale.ROOT, "%.1f points", 100 * difference);
    }

    private static String gapWords(double gap) {
        if (Math.abs(gap) < 0.0005) {
            return "the same";
        }
        return points(Math.abs(gap)) + (gap > 0 ? " apart" : " lower on the held-out rows");
    }
}
