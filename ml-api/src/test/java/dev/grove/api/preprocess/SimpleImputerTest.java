package dev.grove.api.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simple imputer's strategies on a hand-made table, and its restore. */
class SimpleImputerTest {

    private static final RunContext CONTEXT = RunContext.withSeed(1);
    private static final double NAN = Double.NaN;
    private static final Schema SCHEMA = new Schema(List.of("a", "b"), "y", List.of());

    /** Column a: 1, –, 3, 10, 3. Column b: –, 2, 2, 5, 5. Targets 10..14. */
    private static Dataset data() {
        return Dataset.of(new double[][] {{1, NAN}, {NAN, 2}, {3, 2}, {10, 5}, {3, 5}},
                new double[] {10, 11, 12, 13, 14}, SCHEMA);
    }

    private static SimpleImputerModel fit(String strategy, double fill) {
        return new SimpleImputer(new SimpleImputerParams(strategy, fill)).fit(data(), CONTEXT);
    }

    @Test
    void meanOfThePresentValues() {
        // a: (1 + 3 + 10 + 3) / 4; b: (2 + 2 + 5 + 5) / 4.
        SimpleImputerModel model = fit("mean", 0);
        assertThat(model.statistics()).containsExactly(4.25, 3.5);
        Dataset out = model.transform(data());
        assertThat(out.featureMatrix()).containsExactly(1, 3.5, 4.25, 2, 3, 2, 10, 5, 3, 5);
    }

    @Test
    void medianAveragesTheTwoMiddleValuesOfAnEvenCount() {
        // a sorted: 1, 3, 3, 10 → (3 + 3) / 2; b sorted: 2, 2, 5, 5 → (2 + 5) / 2.
        assertThat(fit("median", 0).statistics()).containsExactly(3.0, 3.5);
    }

    @Test
    void mostFrequentTakesTheSmallestOfTies() {
        // a: 3 occurs twice; b: 2 and 5 twice each → 2.
        assertThat(fit("most-frequent", 0).statistics()).containsExactly(3.0, 2.0);
    }

    @Test
    void constantFillsEveryColumnWithTheFillValue() {
        SimpleImputerModel model = fit("constant", -1);
        assertThat(model.transform(data()).featureMatrix()).containsExactly(1, -1, -1, 2, 3, 2, 10, 5, 3, 5);
    }

    @Test
    void targetsAndSchemaSurvive() {
        Dataset out = fit("mean", 0).transform(data());
        assertThat(out.targets()).containsExactly(10, 11, 12, 13, 14);
        assertThat(out.schema()).isEqualTo(SCHEMA);
    }

    @Test
    void aColumnWithoutValuesNeedsStrategyConstant() {
        Dataset empty = Dataset.of(new double[][] {{1, NAN}, {2, NAN}}, null, Schema.unlabelled(List.of("a", "b")));
        assertThatThrownBy(() -> new SimpleImputer(SimpleImputerParams.defaults()).fit(empty, CONTEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 'b'")
                .hasMessageContaining("strategy: constant");
        SimpleImputerModel constant = new SimpleImputer(new SimpleImputerParams("constant", 7)).fit(empty, CONTEXT);
        assertThat(constant.transform(empty).featureMatrix()).containsExactly(1, 7, 2, 7);
    }

    @Test
    void restoredImputerTransformsIdentically() {
        for (String strategy : List.of("mean", "median", "most-frequent", "constant")) {
            SimpleImputerParams params = new SimpleImputerParams(strategy, 2.5);
            SimpleImputerModel model = new SimpleImputer(params).fit(data(), CONTEXT);
            SimpleImputerModel back = SimpleImputerModel.restore(params, SCHEMA, model.state());
            assertThat(back.transform(data()).featureMatrix()).containsExactly(model.transform(data()).featureMatrix());
        }
        ModelState bad = ModelState.builder().put("statistics", new double[] {1, NAN}).build();
        assertThatThrownBy(() -> SimpleImputerModel.restore(SimpleImputerParams.defaults(), SCHEMA, bad))
                .hasMessageContaining("column 'b'");
    }

    @Test
    void paramsAndColumnsAreChecked() {
        assertThatThrownBy(() -> new SimpleImputerParams("mode", 0)).hasMessageStartingWith("strategy must be one of");
        assertThatThrownBy(() -> new SimpleImputerParams("constant", NAN)).hasMessageStartingWith("fill-value must be");
        Dataset other = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("b", "a")));
        assertThatThrownBy(() -> fit("mean", 0).transform(other)).hasMessageContaining("does not match the model");
    }
}
