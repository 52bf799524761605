package dev.grove.api.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.api.source.CsvParams;
import dev.grove.api.source.CsvSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standard and min-max scalers: values, inverse, constant columns, targets, restore. */
class ScalersTest {

    private static final RunContext CONTEXT = RunContext.withSeed(1);
    private static final Schema SCHEMA = new Schema(List.of("a", "k"), "y", List.of("no", "yes"));

    /** Column a = 1, 2, 3, 5; column k is constant 7; targets 0, 1, 1, 0. */
    private static Dataset small() {
        return Dataset.of(new double[][] {{1, 7}, {2, 7}, {3, 7}, {5, 7}}, new double[] {0, 1, 1, 0}, SCHEMA);
    }

    private static Dataset iris() {
        return new CsvSource(CsvParams.of("../datasets/iris.csv", "species")).load(CONTEXT).data();
    }

    @Test
    void standardScalerUsesThePopulationStdAndScaleOneForConstantColumns() {
        StandardScalerModel model = new StandardScaler(StandardScalerParams.defaults()).fit(small(), CONTEXT);
        // Column a: mean 11/4, squared deviations 3.0625 + 0.5625 + 0.0625 + 5.0625 = 8.75 → variance 2.1875.
        double std = Math.sqrt(2.1875);
        assertThat(model.mean()).containsExactly(2.75, 7.0);
        assertThat(model.scale()[0]).isCloseTo(std, within(1e-15));
        assertThat(model.scale()[1]).isEqualTo(1.0);
        double[] out = model.transform(small()).featureMatrix();
        assertThat(out[0]).isCloseTo((1 - 2.75) / std, within(1e-15));
        assertThat(out[6]).isCloseTo((5 - 2.75) / std, within(1e-15));
        assertThat(out[1]).isZero();
        assertThat(out[7]).isZero();
    }

    @Test
    void standardScalerOnIrisMatchesScikitLearn() {
        Dataset iris = iris();
        StandardScalerModel model = new StandardScaler(StandardScalerParams.defaults()).fit(iris, CONTEXT);
        // StandardScaler().fit(X) on iris, scikit-learn 1.2.1: mean_, scale_ and the first row transformed.
        double[] mean = {5.843333333333335, 3.057333333333334, 3.7580000000000027, 1.199333333333334};
        double[] scale = {0.8253012917851409, 0.43441096773549437, 1.7594040657753032, 0.7596926279021594};
        double[] row0 = {-0.9006811702978099, 1.0190043519716065, -1.3402265266227635, -1.3154442950077407};
        for (int j = 0; j < 4; j++) {
            assertThat(model.mean()[j]).isCloseTo(mean[j], within(1e-12));
            assertThat(model.scale()[j]).isCloseTo(scale[j], within(1e-12));
            assertThat(model.transform(iris).feature(0, j)).isCloseTo(row0[j], within(1e-12));
        }
    }

    @Test
    void standardScalerOptionsLeaveOutCentringOrScaling() {
        double std = Math.sqrt(2.1875);
        StandardScalerModel noMean = new StandardScaler(new StandardScalerParams(false, true)).fit(small(), CONTEXT);
        assertThat(noMean.transform(small()).feature(0, 0)).isCloseTo(1 / std, within(1e-15));
        StandardScalerModel noStd = new StandardScaler(new StandardScalerParams(true, false)).fit(small(), CONTEXT);
        assertThat(noStd.transform(small()).feature(3, 0)).isEqualTo(5 - 2.75);
    }

    @Test
    void minMaxScalerMapsTheFittedRangeAndConstantsToTheRangeMinimum() {
        MinMaxScalerModel unit = new MinMaxScaler(MinMaxScalerParams.defaults()).fit(small(), CONTEXT);
        assertThat(unit.transform(small()).featureMatrix()).containsExactly(0, 0, 0.25, 0, 0.5, 0, 1, 0);
        MinMaxScalerModel symmetric = new MinMaxScaler(new MinMaxScalerParams(-1, 1)).fit(small(), CONTEXT);
        assertThat(symmetric.transform(small()).featureMatrix()).containsExactly(-1, -1, -0.5, -1, 0, -1, 1, -1);
        // Values outside the fitted range are not clipped: 9 is two spans above the minimum 1.
        Dataset beyond = Dataset.of(new double[][] {{9, 7}}, null, SCHEMA);
        assertThat(unit.transform(beyond).feature(0, 0)).isEqualTo(2.0);
    }

    @Test
    void minMaxScalerOnIrisMatchesScikitLearn() {
        Dataset iris = iris();
        MinMaxScalerModel model = new MinMaxScaler(new MinMaxScalerParams(-1, 1)).fit(iris, CONTEXT);
        // MinMaxScaler((-1, 1)).fit(X).transform(X[:1]) on iris, scikit-learn 1.2.1.
        double[] row0 = {-0.5555555555555558, 0.25, -0.864406779661017, -0.9166666666666665};
        for (int j = 0; j < 4; j++) {
            assertThat(model.transform(iris).feature(0, j)).isCloseTo(row0[j], within(1e-12));
        }
        assertThat(model.dataMin()).containsExactly(4.3, 2.0, 1.0, 0.1);
        assertThat(model.dataMax()).containsExactly(7.9, 4.4, 6.9, 2.5);
    }

    @Test
    void inverseTransformRoundTrips() {
        Dataset iris = iris();
        double[] original = iris.featureMatrix();
        StandardScalerModel standard = new StandardScaler(StandardScalerParams.defaults()).fit(iris, CONTEXT);
        MinMaxScalerModel minMax = new MinMaxScaler(new MinMaxScalerParams(-2, 3)).fit(iris, CONTEXT);
        double[] viaStandard = standard.inverseTransform(standard.transform(iris)).featureMatrix();
        double[] viaMinMax = minMax.inverseTransform(minMax.transform(iris)).featureMatrix();
        for (int i = 0; i < original.length; i++) {
            assertThat(viaStandard[i]).isCloseTo(original[i], within(1e-12));
            assertThat(viaMinMax[i]).isCloseTo(original[i], within(1e-12));
        }
        MinMaxScalerModel constant = new MinMaxScaler(MinMaxScalerParams.defaults()).fit(small(), CONTEXT);
        assertThat(constant.inverseTransform(constant.transform(small())).featureMatrix())
                .containsExactly(small().featureMatrix());
    }

    @Test
    void scalersKeepTargetsAndClassLabels() {
        Dataset data = small();
        for (Dataset out : List.of(new StandardScaler(StandardScalerParams.defaults()).fit(data, CONTEXT).transform(data),
                new MinMaxScaler(MinMaxScalerParams.defaults()).fit(data, CONTEXT).transform(data))) {
            assertThat(out.targets()).containsExactly(0, 1, 1, 0);
            assertThat(out.schema().classLabels()).containsExactly("no", "yes");
            assertThat(out.schema().featureNames()).containsExactly("a", "k");
        }
    }

    @Test
    void restoredScalersTransformIdentically() {
        Dataset iris = iris();
        StandardScalerParams sp = new StandardScalerParams(true, true);
        StandardScalerModel standard = new StandardScaler(sp).fit(iris, CONTEXT);
        StandardScalerModel standardBack = StandardScalerModel.restore(sp, iris.schema(), standard.state());
        assertThat(standardBack.transform(iris).featureMatrix()).containsExactly(standard.transform(iris).featureMatrix());

        MinMaxScalerParams mp = new MinMaxScalerParams(-1, 1);
        MinMaxScalerModel minMax = new MinMaxScaler(mp).fit(iris, CONTEXT);
        MinMaxScalerModel minMaxBack = MinMaxScalerModel.restore(mp, iris.schema(), minMax.state());
        assertThat(minMaxBack.transform(iris).featureMatrix()).containsExactly(minMax.transform(iris).featureMatrix());
    }

    @Test
    void restoreRejectsStateThatDoesNotFit() {
        ModelState wrongLength = ModelState.builder().put("mean", new double[3]).put("scale", new double[] {1, 1, 1}).build();
        assertThatThrownBy(() -> StandardScalerModel.restore(StandardScalerParams.defaults(), SCHEMA, wrongLength))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'mean'").hasMessageContaining("[2]");
        ModelState zeroScale = ModelState.builder().put("mean", new double[2]).put("scale", new double[] {1, 0}).build();
        assertThatThrownBy(() -> StandardScalerModel.restore(StandardScalerParams.defaults(), SCHEMA, zeroScale))
                .hasMessageContaining("column 'k'").hasMessageContaining("positive scale");
        ModelState swapped = ModelState.builder().put("data-min", new double[] {0, 5}).put("data-max", new double[] {1, 4}).build();
        assertThatThrownBy(() -> MinMaxScalerModel.restore(MinMaxScalerParams.defaults(), SCHEMA, swapped))
                .hasMessageContaining("column 'k'");
    }

    @Test
    void scalersCheckColumnsAndRefuseMissingValues() {
        StandardScalerModel model = new StandardScaler(StandardScalerParams.defaults()).fit(small(), CONTEXT);
        Dataset renamed = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("a", "b")));
        assertThatThrownBy(() -> model.transform(renamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'b'").hasMessageContaining("'k'");
        Dataset gap = Dataset.of(new double[][] {{1, 7}, {Double.NaN, 7}}, null, Schema.unlabelled(List.of("a", "k")));
        assertThatThrownBy(() -> new MinMaxScaler(MinMaxScalerParams.defaults()).fit(gap, CONTEXT))
                .hasMessageContaining("min-max-scaler").hasMessageContaining("column 'a'").hasMessageContaining("row 1")
                .hasMessageContaining("simple-imputer");
        assertThatThrownBy(() -> new MinMaxScalerParams(1, 1)).hasMessageStartingWith("feature-range-min must be");
    }
}
