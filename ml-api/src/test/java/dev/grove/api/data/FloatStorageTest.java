package dev.grove.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Datasets stored as float32, and schemas whose samples have a shape (images). */
class FloatStorageTest {

    private static final Schema TWO_BY_TWO = new Schema(List.of("p0", "p1", "p2", "p3"), "digit", List.of("a", "b"),
            List.of(1, 2, 2));

    private static Dataset images() {
        float[] pixels = {0.5f, 1, 2, 3, 10, 11, 12, 13, 20, 21, 22, 23};
        return Dataset.ofFloats(pixels, new double[] {0, 1, 1}, TWO_BY_TWO);
    }

    @Test
    void floatDatasetsAnswerLikeDoubleOnes() {
        Dataset data = images();
        assertThat(data.storesFloats()).isTrue();
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.feature(1, 2)).isEqualTo(12.0);
        assertThat(data.row(2, new double[4])).containsExactly(20, 21, 22, 23);
        assertThat(data.featureMatrix()).hasSize(12).startsWith(0.5, 1, 2, 3);
        assertThat(data.labels()).containsExactly(0, 1, 1);
    }

    @Test
    void aBatchIsGatheredFromAViewInItsOrder() {
        Dataset view = images().view(new int[] {2, 0});
        float[] batch = view.rowsAsFloats(new int[] {1, 0}, new float[8]);
        assertThat(batch).containsExactly(0.5f, 1, 2, 3, 20, 21, 22, 23);
        Dataset doubles = Dataset.ofFlat(new double[] {1, 2, 3, 4}, null, Schema.unlabelled(List.of("a", "b")));
        assertThat(doubles.rowsAsFloats(new int[] {1}, new float[2])).containsExactly(3, 4);
    }

    @Test
    void droppingTargetsKeepsStorageAndShape() {
        Dataset unlabelled = images().view(new int[] {1}).withoutTargets();
        assertThat(unlabelled.storesFloats()).isTrue();
        assertThat(unlabelled.hasTargets()).isFalse();
        assertThat(unlabelled.schema().sampleShape()).containsExactly(1, 2, 2);
        assertThat(unlabelled.row(0, new double[4])).containsExactly(10, 11, 12, 13);
    }

    @Test
    void theSampleShapeDefaultsToFlatRowsAndMustHoldEveryFeature() {
        assertThat(new Schema(List.of("a", "b", "c"), null, List.of()).sampleShape()).containsExactly(3);
        assertThat(TWO_BY_TWO.sampleShapeArray()).containsExactly(1, 2, 2);
        assertThatThrownBy(() -> TWO_BY_TWO.withSampleShape(List.of(3, 2)))
                .hasMessageContaining("sample shape [3, 2] holds 6 values but there are 4 features");
        assertThatThrownBy(() -> TWO_BY_TWO.withSampleShape(List.of(4, 0, 1)))
                .hasMessageContaining("at least 1");
    }
}
