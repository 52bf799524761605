package dev.grove.tensor;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad input fails with a message naming the op and the shapes or axis involved. */
class ErrorMessagesTest {

    @Test
    void broadcastMismatchNamesOpAndBothShapes() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).add(Tensor.zeros(4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add").hasMessageContaining("[2, 3]").hasMessageContaining("[4]");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).mul(Tensor.zeros(3, 2)))
                .hasMessageContaining("mul").hasMessageContaining("[2, 3]").hasMessageContaining("[3, 2]");
    }

    @Test
    void axisOutOfRangeNamesAxisAndRank() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).sum(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum").hasMessageContaining("axis 2").hasMessageContaining("rank 2");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).softmax(-3))
                .hasMessageContaining("softmax").hasMessageContaining("axis -3").hasMessageContaining("rank 2");
        assertThatThrownBy(() -> Tensor.zeros(2).argmax(1)).hasMessageContaining("axis 1").hasMessageContaining("rank 1");
    }

    @Test
    void matmulMisalignmentNamesBothShapes() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).matmul(Tensor.zeros(4, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matmul").hasMessageContaining("[2, 3]").hasMessageContaining("[4, 5]");
    }

    @Test
    void reshapeAndJoinErrors() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).reshape(4, 2))
                .hasMessageContaining("reshape").hasMessageContaining("[2, 3]").hasMessageContaining("[4, 2]");
        assertThatThrownBy(() -> Tensor.concat(0, Tensor.zeros(2, 3), Tensor.zeros(2, 4)))
                .hasMessageContaining("concat").hasMessageContaining("[2, 4]").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> Tensor.of(new float[] {1, 2, 3}, 2, 2)).hasMessageContaining("[2, 2]");
    }

    @Test
    void convolutionAndPoolingErrors() {
        assertThatThrownBy(() -> Tensor.zeros(1, 3, 8, 8).conv2d(Tensor.zeros(4, 2, 3, 3), null, 1, 0))
                .hasMessageContaining("conv2d").hasMessageContaining("3 channels").hasMessageContaining("[4, 2, 3, 3]");
        assertThatThrownBy(() -> Tensor.zeros(3, 8, 8).maxPool2d(2, 2, 0))
                .hasMessageContaining("maxPool2d").hasMessageContaining("[3, 8, 8]");
    }

    @Test
    void indexErrors() {
        assertThatThrownBy(() -> Tensor.zeros(2, 3).indexSelect(1, 3))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("index 3");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).gather(1, Tensor.of(new float[] {0.5f, 1}, 2, 1)))
                .hasMessageContaining("0.5");
        assertThatThrownBy(() -> Tensor.zeros(2, 3).get(0, 5)).hasMessageContaining("index 5");
    }
}
