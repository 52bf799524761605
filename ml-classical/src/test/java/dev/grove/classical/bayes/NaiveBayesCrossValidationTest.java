package dev.grove.classical.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.classical.testing.CrossValidation;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.SklearnFolds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 5-fold cross-validated accuracy of the naive Bayes classifiers on raw features and scikit-learn's
 * folds. Gaussian: the figures cv5-acc/NAME/gaussian-nb of /work/shared/reference/sklearn-quality.json,
 * within 0.02 (the bound). Multinomial and Bernoulli on digits (pixel counts 0–16): the
 * figures of src/test/reference/penalties_and_discrete_nb_ref.py, within 0.01. Each also classifies
 * the same number of rows correctly as scikit-learn, give or take 0.5% of the rows.
 */
class NaiveBayesCrossValidationTest {

    private static final Dataset DIGITS = CsvData.read("digits");

    /** 0.5% of the rows, rounded up. */
    private static int slack(int rows) {
        return (int) Math.ceil(0.005 * rows);
    }

    private static void assertMatches(int correct, int rows, double referenceAccuracy, double tolerance,
                                      int referenceCorrect) {
        assertThat((double) correct / rows).isCloseTo(referenceAccuracy, offset(tolerance));
        assertThat(correct).isBetween(referenceCorrect - slack(rows), referenceCorrect + slack(rows));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"iris, 0.96, 144", "wine, 0.9719, 173", "breast_cancer, 0.9385, 534", "digits, 0.8508, 1529"})
    void gaussianMatchesScikitLearn(String name, double referenceAccuracy, int referenceCorrect) {
        Dataset data = CsvData.read(name);
        int correct = CrossValidation.correct(new GaussianNaiveBayes(GaussianNaiveBayesParams.defaults()), data,
                SklearnFolds.of(name), false);
        assertMatches(correct, data.rows(), referenceAccuracy, 0.02, referenceCorrect);
    }

    @Test
    void multinomialOnDigitCountsMatchesScikitLearn() {
        // MultinomialNB(): 1619 of 1797 correct, accuracy 0.900946.
        int correct = CrossValidation.correct(new MultinomialNaiveBayes(MultinomialNaiveBayesParams.defaults()), DIGITS,
                SklearnFolds.of("digits"), false);
        assertMatches(correct, DIGITS.rows(), 0.900946, 0.01, 1619);
    }

    @Test
    void bernoulliOnBinarisedDigitsMatchesScikitLearn() {
        // BernoulliNB() (a pixel is on when > 0): 1533 of 1797, 0.853088; BernoulliNB(binarize=7.5): 1595, 0.887590.
        int correct = CrossValidation.correct(new BernoulliNaiveBayes(BernoulliNaiveBayesParams.defaults()), DIGITS,
                SklearnFolds.of("digits"), false);
        assertMatches(correct, DIGITS.rows(), 0.853088, 0.01, 1533);
        int halfway = CrossValidation.correct(
                new BernoulliNaiveBayes(BernoulliNaiveBayesParams.defaults().withBinarize(7.5)), DIGITS,
                SklearnFolds.of("digits"), false);
        assertMatches(halfway, DIGITS.rows(), 0.887590, 0.01, 1595);
    }
}
