package dev.grove.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Index, padded and one-hot encodings, checked against values written out by hand. */
class EncodingsTest {

    @Test
    void oneHotPutsASingleOneAtEachId() {
        assertThat(Encodings.oneHot(new int[] {2, 0, 2}, 3))
                .containsExactly(0, 0, 1, 1, 0, 0, 0, 0, 1);
        Tensor t = Encodings.oneHotTensor(new int[] {1, 3}, 4);
        assertThat(t.shape()).containsExactly(2, 4);
        assertThat(t.toFloatArray()).containsExactly(0, 1, 0, 0, 0, 0, 0, 1);
    }

    @Test
    void oneHotRejectsIdsOutsideTheSize() {
        assertThatThrownBy(() -> Encodings.oneHot(new int[] {0, 3}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id 3 at position 1").hasMessageContaining("[0, 3)");
    }

    @Test
    void indexEncodingIsTheIdsAsFloats() {
        assertThat(Encodings.indices(new int[] {5, 0, 16_777_216})).containsExactly(5f, 0f, 16_777_216f);
        assertThatThrownBy(() -> Encodings.indices(new int[] {-1})).hasMessageContaining("id -1");
    }

    @Test
    void paddingCutsOrFills() {
        assertThat(Encodings.padded(new int[] {4, 5}, 4, 9)).containsExactly(4, 5, 9, 9);
        assertThat(Encodings.padded(new int[] {4, 5, 6}, 2, 9)).containsExactly(4, 5);
    }
}
