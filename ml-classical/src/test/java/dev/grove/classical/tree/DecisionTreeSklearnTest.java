package dev.grove.classical.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.Close;
import dev.grove.classical.testing.CrossValidation;
import dev.grove.classical.testing.CsvData;
import dev.grove.classical.testing.RegressionCsv;
import dev.grove.classical.testing.SklearnFolds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Decision trees against scikit-learn 1.2.1: the figures of /work/shared/reference/sklearn-quality.json
 * and exact trees printed by src/test/reference/tree_ref.py.
 */
class DecisionTreeSklearnTest {

    /** DecisionTreeRegressor(max_depth=3, random_state=0) on diabetes: the leaf (0-7, in preorder) of every row. */
    private static final String DIABETES_LEAF_OF_ROW = ""
            + "616501013603151565010016351355317104657550016000150610316144151004500016505430405013130511165114"
            + "570461233003601125756554067635151670003616763651636735315066040606335107641070506615515465615054"
            + "154615341156566660335117664404400611017453605156700031416667366471001170341571633545614064004515"
            + "167613061000716604041536063154556665565760307501750503335564106014600615617454775315104565513060"
            + "4013417000650566314737134543715533100674514071016110160061";

    /** Its leaves' tree_.value (the mean target), in preorder. */
    private static final double[] DIABETES_LEAF_VALUES = {108.80459770114942, 83.36904761904762, 274, 154.66666666666666,
            137.6904761904762, 176.86486486486487, 208.57142857142858, 268.8709677419355};

    private static Estimator<Classifier> tree() {
        var tree = new DecisionTree(DecisionTreeParams.defaults());
        return (data, context) -> (DecisionTreeClassifierModel) tree.fit(data, context);
    }

    @Test
    void crossValidatedAccuracyIsWithinTwoPointsOfScikitLearns() {
        // cv5-acc/NAME/decision-tree: DecisionTreeClassifier(random_state=0) on the same folds. Its features are
        // visited in a random order, which decides between equally good splits, so equality is not expected.
        String[] names = {"iris", "wine", "breast_cancer", "digits"};
        double[] sklearn = {0.9333, 0.9273, 0.9262, 0.8592};
        for (int d = 0; d < names.length; d++) {
            Dataset data = CsvData.read(names[d]);
            double accuracy = CrossValidation.accuracy(tree(), data, SklearnFolds.of(names[d]), false);
            assertThat(accuracy).as(names[d]).isCloseTo(sklearn[d], offset(0.02));
        }
    }

    @Test
    void irisTreeOfDepthTwoIsScikitLearnsText() {
        // DecisionTreeClassifier(max_depth=2, random_state=4) + export_text. At the root petal_length <= 2.45 and
        // petal_width <= 0.80 separate setosa alike (a tie): scikit-learn's random feature order picks either
        // (petal_width with random_state=0), Grove the lower feature index, as scikit-learn does with random_state=4.
        DecisionTreeModel model = new DecisionTree(DecisionTreeParams.defaults().withMaxDepth(2))
                .fit(CsvData.read("iris"), RunContext.withSeed(0));
        assertThat(model.toText()).isEqualTo("""
                |--- petal_length <= 2.45
                |   |--- class: setosa
                |--- petal_length >  2.45
                |   |--- petal_width <= 1.75
                |   |   |--- class: versicolor
                |   |--- petal_width >  1.75
                |   |   |--- class: virginica
                """);
    }

    @Test
    void diabetesRegressionTreeOfDepthThreeIsScikitLearns() {
        Dataset diabetes = RegressionCsv.read("diabetes");
        var model = (DecisionTreeRegressorModel) new DecisionTree(DecisionTreeParams.defaults().withMaxDepth(3))
                .fit(diabetes, RunContext.withSeed(0));
        // export_text of DecisionTreeRegressor(max_depth=3, random_state=0).
        assertThat(model.toText()).isEqualTo("""
                |--- s5 <= 4.60
                |   |--- bmi <= 26.95
                |   |   |--- s3 <= 55.50
                |   |   |   |--- value: [108.80]
                |   |   |--- s3 >  55.50
                |   |   |   |--- value: [83.37]
                |   |--- bmi >  26.95
                |   |   |--- age <= 26.50
                |   |   |   |--- value: [274.00]
                |   |   |--- age >  26.50
                |   |   |   |--- value: [154.67]
                |--- s5 >  4.60
                |   |--- bmi <= 27.75
                |   |   |--- bmi <= 24.35
                |   |   |   |--- value: [137.69]
                |   |   |--- bmi >  24.35
                |   |   |   |--- value: [176.86]
                |   |--- bmi >  27.75
                |   |   |--- bmi <= 32.75
                |   |   |   |--- value: [208.57]
                |   |   |--- bmi >  32.75
                |   |   |   |--- value: [268.87]
                """);
        // scikit-learn's thresholds are midpoints of float32 copies of the values, so agree to float32 precision.
        double[] sklearnThresholds = {4.600149869918823, 26.949999809265137, 55.5, 26.5, 27.75, 24.34999942779541,
            32.75};
        double[] thresholds = Arrays.stream(model.state().doubles("threshold")).filter(t -> t != 0).toArray();
        Close.assertClose("thresholds", thresholds, sklearnThresholds, 1e-6);
        double[] sklearnImportances = {0.02078003835653888, 0, 0.37584937246690475, 0, 0, 0, 0.021069918051207757, 0,
            0.5823006711253487, 0};
        Close.assertClose("importances", model.featureImportances(), sklearnImportances, 1e-12);
        // The targets are whole numbers, so the leaf means are exact: the predictions are scikit-learn's to the bit.
        double[] predicted = model.predict(diabetes);
        for (int i = 0; i < predicted.length; i++) {
            assertThat(predicted[i]).as("row " + i).isEqualTo(DIABETES_LEAF_VALUES[DIABETES_LEAF_OF_ROW.charAt(i) - '0']);
        }
    }
}
