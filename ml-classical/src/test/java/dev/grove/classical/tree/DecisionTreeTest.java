package dev.grove.classical.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.classical.testing.CsvData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decision trees on data small enough to work out by hand. The eight-row set below has classes
 * A A A B B A B B. Gini proxy Σ left²/n_left + Σ right²/n_right at the root: x ≤ 2.75 gives
 * 9/3 + (1 + 16)/5 = 6.4, the best (x ≤ 1.5: 4.57, x ≤ 3.75: 5, x ≤ 5: 5.33, x ≤ 7.5: 4.57, z ≤ 0.5:
 * 20/6 + 4/2 = 5.33); x ≤ 2 is no candidate, as rows 1 and 2 share x = 2. The right node (B B A B B)
 * is split perfectly by z ≤ 0.5 (proxy 5) and less well by x (at most 3.67). scikit-learn 1.2.1 prints
 * the same trees (src/test/reference/tree_ref.py).
 */
class DecisionTreeTest {

    private static final Schema TINY_SCHEMA = new Schema(List.of("x", "z"), "label", List.of("A", "B"));
    private static final Dataset TINY = Dataset.of(
            new double[][] {{1, 0}, {2, 0}, {2, 1}, {3.5, 0}, {4, 0}, {4, 1}, {6, 0}, {9, 0}},
            new double[] {0, 0, 0, 1, 1, 0, 1, 1}, TINY_SCHEMA);

    private static DecisionTreeModel fit(DecisionTreeParams params, Dataset data) {
        return new DecisionTree(params).fit(data, RunContext.withSeed(0));
    }

    @Test
    void tinyTreeSplitsWhereTheHandComputationSays() {
        DecisionTreeModel model = fit(DecisionTreeParams.defaults(), TINY);
        assertThat(model.toText()).isEqualTo("""
                |--- x <= 2.75
                |   |--- class: A
                |--- x >  2.75
                |   |--- z <= 0.50
                |   |   |--- class: B
                |   |--- z >  0.50
                |   |   |--- class: A
                """);
        ModelState state = model.state();
        assertThat(state.doubles("feature")).containsExactly(0, -1, 1, -1, -1);
        assertThat(state.doubles("threshold")).containsExactly(2.75, 0, 0.5, 0, 0);
        assertThat(state.doubles("left")).containsExactly(1, -1, 3, -1, -1);
        assertThat(state.doubles("right")).containsExactly(2, -1, 4, -1, -1);
        assertThat(state.doubles("value", 5, 2)).containsExactly(0.5, 0.5, 1, 0, 0.2, 0.8, 0, 1, 1, 0);
        // Gini of A4B4, A3, A1B4 (1 − 17/25), B4, A1; weights are row counts.
        assertThat(state.doubles("impurity")).containsExactly(new double[] {0.5, 0, 0.32, 0, 0}, offset(1e-15));
        assertThat(state.doubles("weight")).containsExactly(8, 3, 5, 4, 1);
        assertThat(state.attribute("depth")).isEqualTo("2");
        assertThat(state.attribute("leaves")).isEqualTo("3");
        assertThat(state.attribute("criterion")).isEqualTo("gini");
        assertThat(((DecisionTreeClassifierModel) model).predict(TINY)).containsExactly(0, 0, 0, 1, 1, 0, 1, 1);
    }

    @Test
    void importancesAreTheNormalisedImpurityDecreases() {
        // Root: 8 × 0.5 − 3 × 0 − 5 × 0.32 = 2.4 for x; right node: 5 × 0.32 = 1.6 for z; total 4.
        assertThat(fit(DecisionTreeParams.defaults(), TINY).featureImportances())
                .containsExactly(new double[] {0.6, 0.4}, offset(1e-15));
    }

    @Test
    void entropyChoosesTheSameSplitsWithBitBasedImportances() {
        DecisionTreeModel model = fit(DecisionTreeParams.defaults().withCriterion("entropy"), TINY);
        // Information gain at the root: 1 − 5/8 H(0.2) for x ≤ 2.75 against 1 − 6/8 H(1/3) for z ≤ 0.5.
        double h = -(0.2 * Math.log(0.2) + 0.8 * Math.log(0.8)) / Math.log(2);
        assertThat(model.toText()).startsWith("|--- x <= 2.75\n").contains("|   |--- z <= 0.50\n");
        assertThat(model.featureImportances()).containsExactly(new double[] {1 - 5 * h / 8, 5 * h / 8}, offset(1e-12));
        assertThat(model.state().doubles("impurity")[0]).isEqualTo(1.0);
    }

    @Test
    void minSamplesLeafForbidsTheOneRowLeaf() {
        // z ≤ 0.5 would leave 1 row; of x's splits with ≥ 2 rows a side, x ≤ 5 (B B A | B B) is the best.
        DecisionTreeModel model = fit(DecisionTreeParams.defaults().withMinSamplesLeaf(2), TINY);
        assertThat(model.toText()).isEqualTo("""
                |--- x <= 2.75
                |   |--- class: A
                |--- x >  2.75
                |   |--- x <= 5.00
                |   |   |--- class: B
                |   |--- x >  5.00
                |   |   |--- class: B
                """);
        double[][] proba = ((DecisionTreeClassifierModel) model).predictProba(TINY);
        assertThat(proba[0]).containsExactly(1, 0);
        assertThat(proba[4]).containsExactly(1.0 / 3, 2.0 / 3);
        assertThat(proba[7]).containsExactly(0, 1);
    }

    @Test
    void maxDepthAndMinSamplesSplitStopGrowth() {
        assertThat(fit(DecisionTreeParams.defaults().withMaxDepth(1), TINY).toText()).isEqualTo("""
                |--- x <= 2.75
                |   |--- class: A
                |--- x >  2.75
                |   |--- class: B
                """);
        // The right node has 5 rows, fewer than 6: it stays a leaf.
        assertThat(fit(DecisionTreeParams.defaults().withMinSamplesSplit(6), TINY).nodeCount()).isEqualTo(3);
        assertThat(fit(DecisionTreeParams.defaults().withMinSamplesSplit(9), TINY).nodeCount()).isEqualTo(1);
    }

    @Test
    void regressionTreePredictsLeafMeans() {
        Dataset data = Dataset.of(new double[][] {{1}, {2}, {3}, {4}}, new double[] {1, 2, 10, 12},
                new Schema(List.of("x"), "y", List.of()));
        // sum_left²/n_left + sum_right²/n_right: x ≤ 1.5 → 1 + 576/3 = 193, x ≤ 2.5 → 4.5 + 242 = 246.5,
        // x ≤ 3.5 → 169/3 + 144 = 200.3.
        DecisionTreeModel model = fit(DecisionTreeParams.defaults().withMaxDepth(1), data);
        assertThat(model).isInstanceOf(DecisionTreeRegressorModel.class);
        assertThat(model.toText()).isEqualTo("""
                |--- x <= 2.50
                |   |--- value: [1.50]
                |--- x >  2.50
                |   |--- value: [11.00]
                """);
        assertThat(((DecisionTreeRegressorModel) model).predict(data)).containsExactly(1.5, 1.5, 11, 11);
        assertThat(model.state().attribute("criterion")).isEqualTo("mse");
        // Unlimited depth fits every row exactly.
        assertThat(((DecisionTreeRegressorModel) fit(DecisionTreeParams.defaults(), data)).predict(data))
                .containsExactly(1, 2, 10, 12);
    }

    @Test
    void textBelowTheDepthLimitIsSummarised() {
        DecisionTreeModel model = fit(DecisionTreeParams.defaults(), TINY);
        assertThat(model.toText(0)).isEqualTo("""
                |--- x <= 2.75
                |   |--- class: A
                |--- x >  2.75
                |   |--- truncated branch of depth 2
                """);
    }

    @Test
    void aSingleClassGivesALeafPredictingIt() {
        Dataset data = Dataset.of(new double[][] {{1, 2}, {3, 4}}, new double[] {1, 1}, TINY_SCHEMA);
        DecisionTreeClassifierModel model = (DecisionTreeClassifierModel) fit(DecisionTreeParams.defaults(), data);
        assertThat(model.nodeCount()).isEqualTo(1);
        assertThat(model.predict(TINY)).containsOnly(1);
        assertThat(model.predictProba(TINY)[0]).containsExactly(0, 1);
        assertThat(model.featureImportances()).containsExactly(0, 0);
        assertThat(model.toText()).isEqualTo("|--- class: B\n");
    }

    @Test
    void constantFeaturesAreNeverSplitOn() {
        Dataset data = Dataset.of(new double[][] {{5, 1}, {5, 2}, {5, 3}, {5, 4}}, new double[] {0, 0, 1, 1}, TINY_SCHEMA);
        DecisionTreeModel model = fit(DecisionTreeParams.defaults(), data);
        assertThat(model.toText()).startsWith("|--- z <= 2.50\n");
        assertThat(model.featureImportances()).containsExactly(0, 1);
    }

    @Test
    void probabilitiesSumToOneAndImportancesToOneOnIris() {
        Dataset iris = CsvData.read("iris");
        DecisionTreeClassifierModel model = (DecisionTreeClassifierModel) fit(DecisionTreeParams.defaults(), iris);
        for (double[] row : model.predictProba(iris)) {
            assertThat(row[0] + row[1] + row[2]).isCloseTo(1, offset(1e-12));
        }
        double sum = 0;
        for (double v : model.featureImportances()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1, offset(1e-12));
        // A fully grown tree fits its training rows (no two iris rows with equal features differ in class).
        assertThat(model.predict(iris)).containsExactly(iris.labels());
    }

    @Test
    void stateRestoresTheSameModel() {
        Dataset iris = CsvData.read("iris");
        DecisionTreeModel model = fit(DecisionTreeParams.defaults(), iris);
        DecisionTreeModel restored = DecisionTreeModel.restore(DecisionTreeParams.defaults(), iris.schema(), model.state());
        assertThat(restored).isInstanceOf(DecisionTreeClassifierModel.class);
        assertThat(((DecisionTreeClassifierModel) restored).predictProba(iris))
                .isDeepEqualTo(((DecisionTreeClassifierModel) model).predictProba(iris));
        assertThat(restored.toText()).isEqualTo(model.toText());
        assertThat(restored.featureImportances()).containsExactly(model.featureImportances());
        assertThat(restored.state().arrays().keySet()).isEqualTo(model.state().arrays().keySet());
    }

    @Test
    void damagedStateIsRejectedByName() {
        ModelState good = fit(DecisionTreeParams.defaults(), TINY).state();
        double[] left = good.doubles("left");
        left[0] = 0;
        assertThatThrownBy(() -> DecisionTreeModel.restore(DecisionTreeParams.defaults(), TINY_SCHEMA, with(good, "left", left)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("decision-tree: model state array 'left' holds 0.0 at node 0; expected -1 at a leaf, "
                        + "else a later node index");
        double[] feature = good.doubles("feature");
        feature[2] = 7;
        assertThatThrownBy(() -> DecisionTreeModel.restore(DecisionTreeParams.defaults(), TINY_SCHEMA,
                with(good, "feature", feature)))
                .hasMessage("decision-tree: model state array 'feature' holds 7.0 at node 2; expected a feature index in [0, 2)");
    }

    private static ModelState with(ModelState state, String name, double[] values) {
        var builder = ModelState.builder();
        state.arrays().forEach((key, array) -> {
            if (key.equals(name)) {
                builder.put(key, values, array.shape());
            } else {
                builder.add(key, array);
            }
        });
        state.attributes().forEach(builder::attribute);
        return builder.build();
    }

    @Test
    void badInputIsRejectedSayingWhatAndWhere() {
        var tree = new DecisionTree(DecisionTreeParams.defaults());
        RunContext context = RunContext.withSeed(0);
        Dataset withNaN = Dataset.of(new double[][] {{1, 2}, {Double.NaN, 4}}, new double[] {0, 1}, TINY_SCHEMA);
        assertThatThrownBy(() -> tree.fit(withNaN, context)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decision-tree: feature 'x' of row 1 is NaN; the features must be finite numbers");
        Dataset empty = Dataset.of(new double[0][], new double[0], TINY_SCHEMA);
        assertThatThrownBy(() -> tree.fit(empty, context)).hasMessage("decision-tree needs at least one row to fit, got none");
        assertThatThrownBy(() -> tree.fit(TINY.withoutTargets(), context))
                .hasMessage("decision-tree needs a target to fit, but the data has none");
        Dataset numeric = Dataset.of(new double[][] {{1}, {2}}, new double[] {1, Double.POSITIVE_INFINITY},
                new Schema(List.of("x"), "y", List.of()));
        assertThatThrownBy(() -> tree.fit(numeric, context))
                .hasMessage("decision-tree: target 'y' of row 1 is Infinity; the targets must be finite numbers");
        assertThatThrownBy(() -> new DecisionTree(DecisionTreeParams.defaults().withCriterion("mse")).fit(TINY, context))
                .hasMessage("decision-tree: criterion mse needs a numeric target, but target 'label' is a class target; "
                        + "use gini, entropy or auto");
        assertThatThrownBy(() -> new DecisionTree(DecisionTreeParams.defaults().withMaxFeatures("3")).fit(TINY, context))
                .hasMessage("decision-tree: max-features is 3 but the data has only 2 features");

        DecisionTreeClassifierModel model = (DecisionTreeClassifierModel) tree.fit(TINY, context);
        Dataset otherColumns = Dataset.of(new double[][] {{1}}, null, new Schema(List.of("x"), null, List.of("A", "B")));
        assertThatThrownBy(() -> model.predict(otherColumns)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column 2 is '(none)' but the model was trained with 'z'");
        Dataset infinite = Dataset.of(new double[][] {{1, Double.NEGATIVE_INFINITY}}, null, TINY_SCHEMA);
        assertThatThrownBy(() -> model.predictProba(infinite))
                .hasMessage("decision-tree: feature 'z' of row 0 is -Infinity; the features must be finite numbers");
    }
}
