package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Schema;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Padding read from token-id rows, the pad id of a schema, and passes that carry padding. */
class PaddingTest {

    @Test
    void marksThePositionsHoldingThePadId() {
        // Two rows of 4 ids, <pad> is id 1.
        Padding padding = Padding.of(Tensor.of(new float[] {5, 7, 1, 1, 1, 3, 4, 2}, 2, 4), 1);

        assertThat(padding.batch()).isEqualTo(2);
        assertThat(padding.steps()).isEqualTo(4);
        assertThat(padding.padded()).containsExactly(false, false, true, true, true, false, false, false);
        assertThat(padding.realSteps(0)).isEqualTo(2);
        assertThat(padding.realSteps(1)).isEqualTo(3);
        assertThat(padding.fits(Tensor.zeros(2, 4, 8))).isTrue();
        assertThat(padding.fits(Tensor.zeros(2, 3, 8))).isFalse();
        assertThat(padding.fits(Tensor.zeros(3, 4, 8))).isFalse();
    }

    @Test
    void isNullWithoutPaddedPositionsOrPadToken() {
        Tensor ids = Tensor.of(new float[] {5, 7, 2, 3}, 2, 2);
        assertThat(Padding.of(ids, 1)).isNull();
        assertThat(Padding.of(ids, -1)).isNull();
        assertThat(Padding.of(Tensor.of(new float[] {1, 1, 1, 1}, 1, 2, 2), 1)).as("not rows of ids").isNull();
    }

    @Test
    void thePadIdOfTokenRowsOnly() {
        List<String> names = List.of("t0", "t1", "t2");
        Schema tokens = new Schema(names, "label", List.of("neg", "pos"), List.of(3))
                .withVocabulary(List.of("<unk>", "<pad>", "the"), Map.of("component", "word"));
        assertThat(Padding.padId(tokens)).isEqualTo(1);
        assertThat(Padding.padId(tokens.withVocabulary(List.of("<unk>", "the"), Map.of("component", "word")))).isEqualTo(-1);
        assertThat(Padding.padId(new Schema(names, "label", List.of("neg", "pos"), List.of(3)))).isEqualTo(-1);
        assertThat(Padding.padId(tokens.withSampleShape(List.of(1, 3)))).as("not one axis of ids").isEqualTo(-1);
    }

    @Test
    void passesKeepTheirModeAndStreamWithPadding() {
        Padding padding = new Padding(new boolean[] {true, false}, 1, 2);
        Pass pass = new Pass(true, new Rng(3)).withPadding(padding);
        assertThat(pass.training()).isTrue();
        assertThat(pass.padding()).isSameAs(padding);
        assertThat(Pass.inference().padding()).isNull();
        assertThat(new Pass(false, new Rng(0)).padding()).isNull();
    }

    @Test
    void flagsOfAnotherSizeAreRefused() {
        assertThatThrownBy(() -> new Padding(new boolean[3], 2, 2))
                .hasMessage("padding: needs batch * steps flags for batch >= 1 and steps >= 1, got 3 flags for batch 2 and steps 2");
    }
}
