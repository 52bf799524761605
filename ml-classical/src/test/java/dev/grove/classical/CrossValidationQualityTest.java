package dev.grove.classical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.classical.bayes.GaussianNaiveBayes;
import dev.grove.classical.bayes.GaussianNaiveBayesParams;
import dev.grove.classical.linear.LogisticRegression;
import dev.grove.classical.linear.LogisticRegressionParams;
import dev.grove.classical.testing.CrossValidation;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.StratifiedKFold;
import org.junit.jupiter.api.Test;

/**
 * 5-fold stratified cross-validated accuracy against scikit-learn 1.2.1's figures in
 * /work/shared/reference/sklearn-quality.json (logistic regression standardised inside each fold,
 * Gaussian naive Bayes on raw features, as the reference pipelines do).
 */
class CrossValidationQualityTest {

    private static final Dataset IRIS = CsvData.read("iris");
    private static final Dataset WINE = CsvData.read("wine");

    /**
     * The test fold of each row under StratifiedKFold(5, shuffle=True, random_state=0), the folds
     * of the reference figures (printed by src/test/reference/sklearn_exactness_ref.py).
     */
    private static final String IRIS_SKLEARN_FOLDS = "211402332033231014421331424012014401320232103400440321120433403143022"
            + "424204421212014211330301143034002241042124421031320130043312311434021402314402330";
    private static final String WINE_SKLEARN_FOLDS = "223200233100232340124234142102141401214443013201311034004330412423241"
            + "201203120432133204414103131343030431404101130422240424301203220302040241412443243102433024011012130121"
            + "2410333";

    private static LogisticRegression logisticRegression() {
        return new LogisticRegression(LogisticRegressionParams.defaults());
    }

    private static GaussianNaiveBayes gaussianNb() {
        return new GaussianNaiveBayes(GaussianNaiveBayesParams.defaults());
    }

    @Test
    void ownStratifiedFoldsReachTheTargetAccuracies() {
        // scikit-learn: iris 0.96 / 0.96, wine 0.9832 / 0.9719 (logistic regression / Gaussian NB).
        assertThat(CrossValidation.accuracy(logisticRegression(), IRIS, StratifiedKFold.folds(IRIS.labels(), 5, 0), true))
                .isGreaterThanOrEqualTo(0.95);
        assertThat(CrossValidation.accuracy(gaussianNb(), IRIS, StratifiedKFold.folds(IRIS.labels(), 5, 0), false))
                .isGreaterThanOrEqualTo(0.93);
        assertThat(CrossValidation.accuracy(logisticRegression(), WINE, StratifiedKFold.folds(WINE.labels(), 5, 0), true))
                .isGreaterThanOrEqualTo(0.96);
        assertThat(CrossValidation.accuracy(gaussianNb(), WINE, StratifiedKFold.folds(WINE.labels(), 5, 0), false))
                .isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void scikitLearnsFoldsGiveScikitLearnsAccuracies() {
        // On the very folds of the reference, the same models classify the same number of rows correctly:
        // iris 144/150 for both, wine 175/178 (logistic regression) and 173/178 (Gaussian NB).
        assertThat(CrossValidation.correct(logisticRegression(), IRIS, StratifiedKFold.fromFoldDigits(IRIS_SKLEARN_FOLDS, 5),
                true)).isEqualTo(144);
        assertThat(CrossValidation.correct(gaussianNb(), IRIS, StratifiedKFold.fromFoldDigits(IRIS_SKLEARN_FOLDS, 5),
                false)).isEqualTo(144);
        assertThat(CrossValidation.correct(logisticRegression(), WINE, StratifiedKFold.fromFoldDigits(WINE_SKLEARN_FOLDS, 5),
                true)).isEqualTo(175);
        assertThat(CrossValidation.correct(gaussianNb(), WINE, StratifiedKFold.fromFoldDigits(WINE_SKLEARN_FOLDS, 5),
                false)).isEqualTo(173);
    }
}
