package dev.grove.classical.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.classical.testing.CrossValidation;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.SklearnFolds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 5-fold stratified cross-validated accuracy, standardised inside each fold, on scikit-learn's own
 * folds ({@link SklearnFolds}).
 *
 * <p>{@code svm} is held to the figures of /work/shared/reference/sklearn-quality.json
 * ({@code cv5-acc/NAME/svm-rbf} and {@code svm-linear}: scikit-learn 1.2.1's {@code SVC}) within 0.02.
 * {@code linear-svm} is one-vs-rest like {@code LinearSVC}, which on these folds scores iris 0.9133,
 * wine 0.9887, breast cancer 0.9772 and digits 0.9527 with the hinge loss (printed by
 * src/test/reference/svm_sklearn_ref.py; liblinear's random order, unseeded there, moves breast cancer
 * and digits by a row or two between runs); it is held to those within 0.02, and on wine and breast
 * cancer to at least the {@code svm-linear} figure minus 0.02. One-vs-rest linear boundaries separate
 * iris's versicolor, and some digits, from the rest poorly, so there {@code LinearSVC} falls 0.05 and
 * 0.026 short of the one-vs-one {@code SVC(kernel='linear')} figures.
 */
class SvmQualityTest {

    private static final double WITHIN = 0.02;

    @ParameterizedTest(name = "{0}: scikit-learn {1}")
    @CsvSource({"iris, 0.9533", "wine, 0.983", "breast_cancer, 0.9771", "digits, 0.9805"})
    void rbfKernelMatchesScikitLearnsAccuracy(String name, double reference) {
        Dataset data = CsvData.read(name);
        double accuracy = CrossValidation.accuracy(new Svm(SvmParams.defaults()), data, SklearnFolds.of(name), true);
        assertThat(accuracy).isCloseTo(reference, offset(WITHIN));
    }

    @ParameterizedTest(name = "{0}: scikit-learn {1}")
    @CsvSource({"iris, 0.9667", "wine, 0.9606", "breast_cancer, 0.9754", "digits, 0.9789"})
    void linearKernelMatchesScikitLearnsAccuracy(String name, double reference) {
        Dataset data = CsvData.read(name);
        double accuracy = CrossValidation.accuracy(new Svm(SvmParams.defaults().withKernel("linear")), data,
                SklearnFolds.of(name), true);
        assertThat(accuracy).isCloseTo(reference, offset(WITHIN));
    }

    @ParameterizedTest(name = "{0}: LinearSVC {1}")
    @CsvSource({"iris, 0.9133", "wine, 0.9887", "breast_cancer, 0.9772", "digits, 0.9527"})
    void linearSvmMatchesLinearSvcsAccuracy(String name, double reference) {
        Dataset data = CsvData.read(name);
        double accuracy = CrossValidation.accuracy(new LinearSvm(LinearSvmParams.defaults()), data,
                SklearnFolds.of(name), true);
        assertThat(accuracy).isCloseTo(reference, offset(WITHIN));
    }

    @ParameterizedTest(name = "{0}: SVC linear {1}")
    @CsvSource({"wine, 0.9606", "breast_cancer, 0.9754"})
    void linearSvmIsNoWorseThanTheKernelSvmWhereOneVersusRestSuffices(String name, double reference) {
        Dataset data = CsvData.read(name);
        double accuracy = CrossValidation.accuracy(new LinearSvm(LinearSvmParams.defaults()), data,
                SklearnFolds.of(name), true);
        assertThat(accuracy).isGreaterThanOrEqualTo(reference - WITHIN);
    }
}
