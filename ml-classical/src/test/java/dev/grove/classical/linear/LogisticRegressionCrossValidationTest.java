package dev.grove.classical.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.classical.testing.CrossValidation;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.SklearnFolds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 5-fold cross-validated accuracy of {@code logistic-regression}, standardised inside each fold, on
 * scikit-learn's folds, against make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)):
 * the figures cv5-acc/NAME/logreg of /work/shared/reference/sklearn-quality.json, within 0.02 (the
 * issue's bound), and the number of rows it classifies correctly on the same folds (printed by
 * src/test/reference/penalties_and_discrete_nb_ref.py), within 0.5% of the rows.
 */
class LogisticRegressionCrossValidationTest {

    /** 0.5% of the rows, rounded up. */
    private static int slack(int rows) {
        return (int) Math.ceil(0.005 * rows);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"iris, 0.96, 144", "wine, 0.9832, 175", "breast_cancer, 0.9789, 557", "digits, 0.9688, 1741"})
    void scaledLogisticRegressionMatchesScikitLearn(String name, double referenceAccuracy, int referenceCorrect) {
        Dataset data = CsvData.read(name);
        var estimator = new LogisticRegression(LogisticRegressionParams.defaults().withMaxIter(1000));
        int correct = CrossValidation.correct(estimator, data, SklearnFolds.of(name), true);
        assertThat((double) correct / data.rows()).isCloseTo(referenceAccuracy, offset(0.02));
        assertThat(correct).isBetween(referenceCorrect - slack(data.rows()), referenceCorrect + slack(data.rows()));
    }

    @Test
    void anL1PenaltyStillClassifiesDigitsWell() {
        // scikit-learn's saga solver with penalty='l1', C=1 is not among the references (on all five
        // folds this fit gets 1736 rows right, l2 1741); one fold keeps the test quick, and the bound is
        // the l2 figure less 0.02.
        Dataset digits = CsvData.read("digits");
        var estimator = new LogisticRegression(LogisticRegressionParams.defaults().withPenalty("l1").withMaxIter(1000));
        List<int[][]> firstFold = SklearnFolds.of("digits").subList(0, 1);
        int correct = CrossValidation.correct(estimator, digits, firstFold, true);
        assertThat((double) correct / firstFold.get(0)[1].length).isGreaterThanOrEqualTo(0.9688 - 0.02);
    }
}
