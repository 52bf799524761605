package dev.grove.api.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-hot encoder: output names and values, unknown categories, errors and restore. */
class OneHotEncoderTest {

    private static final RunContext CONTEXT = RunContext.withSeed(1);
    private static final Schema SCHEMA = new Schema(List.of("v", "c", "w"), "y", List.of("p", "q"));

    /** v = 0.5, 1.5, 2.5, 3.5; c = 3, 1, 3, 2 (the categorical column); w = 0.25, 0, 2, 0.25. */
    private static Dataset data() {
        return Dataset.of(new double[][] {{0.5, 3, 0.25}, {1.5, 1, 0}, {2.5, 3, 2}, {3.5, 2, 0.25}},
                new double[] {0, 1, 1, 0}, SCHEMA);
    }

    private static OneHotEncoderModel fit(OneHotEncoderParams params) {
        return new OneHotEncoder(params).fit(data(), CONTEXT);
    }

    @Test
    void encodedColumnIsReplacedInPlaceBySortedIndicatorColumns() {
        OneHotEncoderModel model = fit(OneHotEncoderParams.of("c"));
        assertThat(model.outputNames()).containsExactly("v", "c=1", "c=2", "c=3", "w");
        Dataset out = model.transform(data());
        assertThat(out.schema().featureNames()).containsExactly("v", "c=1", "c=2", "c=3", "w");
        assertThat(out.featureMatrix()).containsExactly(
                0.5, 0, 0, 1, 0.25,
                1.5, 1, 0, 0, 0,
                2.5, 0, 0, 1, 2,
                3.5, 0, 1, 0, 0.25);
        assertThat(out.targets()).containsExactly(0, 1, 1, 0);
        assertThat(out.schema().classLabels()).containsExactly("p", "q");
    }

    @Test
    void severalColumnsAndFractionalCategories() {
        OneHotEncoderModel model = fit(OneHotEncoderParams.of("w", "c"));
        assertThat(model.outputNames()).containsExactly("v", "c=1", "c=2", "c=3", "w=0", "w=0.25", "w=2");
        assertThat(model.categories("w")).containsExactly(0, 0.25, 2);
        assertThat(model.transform(data()).featureMatrix()).startsWith(0.5, 0, 0, 1, 0, 1, 0);
    }

    @Test
    void unknownCategoriesAreErrorsOrAllZeros() {
        Dataset unseen = Dataset.of(new double[][] {{0, 1, 0}, {0, 4, 0}}, null, Schema.unlabelled(SCHEMA.featureNames()));
        assertThatThrownBy(() -> fit(OneHotEncoderParams.of("c")).transform(unseen))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column 'c'")
                .hasMessageContaining("value 4").hasMessageContaining("row 1").hasMessageContaining("known: 1, 2, 3")
                .hasMessageContaining("handle-unknown: ignore");
        Dataset out = fit(OneHotEncoderParams.of("c").withHandleUnknown("ignore")).transform(unseen);
        assertThat(out.featureMatrix()).containsExactly(0, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Test
    void fitAsksForColumnsAndSuggestsNames() {
        assertThatThrownBy(() -> fit(OneHotEncoderParams.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no columns to encode")
                .hasMessageContaining("columns: [v]").hasMessageContaining("v, c, w");
        Dataset named = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("colour", "size")));
        assertThatThrownBy(() -> new OneHotEncoder(OneHotEncoderParams.of("color")).fit(named, CONTEXT))
                .hasMessageContaining("column 'color' is not in the data").hasMessageContaining("did you mean 'colour'?");
        Dataset gap = Dataset.of(new double[][] {{1, Double.NaN}}, null, Schema.unlabelled(List.of("colour", "size")));
        assertThatThrownBy(() -> new OneHotEncoder(OneHotEncoderParams.of("size")).fit(gap, CONTEXT))
                .hasMessageContaining("column 'size'").hasMessageContaining("NaN");
        assertThatThrownBy(() -> OneHotEncoderParams.of("c", "c")).hasMessageStartingWith("columns lists 'c' twice");
    }

    @Test
    void clashingOutputNamesAreReported() {
        Dataset clash = Dataset.of(new double[][] {{1, 0}, {2, 5}}, null, Schema.unlabelled(List.of("c", "c=1")));
        assertThatThrownBy(() -> new OneHotEncoder(OneHotEncoderParams.of("c")).fit(clash, CONTEXT))
                .hasMessageContaining("'c=1' would appear twice");
    }

    @Test
    void restoredEncoderTransformsIdentically() {
        OneHotEncoderParams params = OneHotEncoderParams.of("w", "c");
        OneHotEncoderModel model = fit(params);
        OneHotEncoderModel back = OneHotEncoderModel.restore(params, SCHEMA, model.state());
        assertThat(back.outputNames()).isEqualTo(model.outputNames());
        assertThat(back.transform(data()).featureMatrix()).containsExactly(model.transform(data()).featureMatrix());
        ModelState unsorted = ModelState.builder().put("categories-0", new double[] {2, 1}).build();
        assertThatThrownBy(() -> OneHotEncoderModel.restore(OneHotEncoderParams.of("c"), SCHEMA, unsorted))
                .hasMessageContaining("strictly ascending");
        assertThatThrownBy(() -> OneHotEncoderModel.restore(params, SCHEMA, ModelState.builder().build()))
                .hasMessageContaining("missing array 'categories-0'");
    }
}
