package dev.grove.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Fused ops defined through {@link CustomOp}: gradients, recording rules and misuse. */
class CustomOpTest {

    /** x * y + x computed in one loop over the arrays, with its hand-written gradient. */
    private static Tensor fusedMulAdd(Tensor x, Tensor y) {
        float[] a = x.toFloatArray();
        float[] b = y.toFloatArray();
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i] + a[i];
        }
        return CustomOp.apply("mul-add", Tensor.of(out, x.shape()),
                g -> new Tensor[] {g.mul(y.detach().add(1f)), g.mul(x.detach())},
                x, y);
    }

    @Test
    void aFusedOpPassesTheGradientCheck() {
        GradCheck.check("fused x*y+x", t -> fusedMulAdd(t[0], t[1]), GradCheck.spread(1, 2, 3), GradCheck.spread(2, 2, 3));
    }

    @Test
    void aFusedOpInsideALargerGraphMatchesTheSameMathInPlainOps() {
        Tensor x1 = GradCheck.spread(3, 4).requiresGrad(true);
        Tensor y1 = GradCheck.spread(4, 4).requiresGrad(true);
        fusedMulAdd(x1.mul(2f), y1).tanh().sum().backward();

        Tensor x2 = GradCheck.spread(3, 4).requiresGrad(true);
        Tensor y2 = GradCheck.spread(4, 4).requiresGrad(true);
        Tensor x2Doubled = x2.mul(2f);
        x2Doubled.mul(y2).add(x2Doubled).tanh().sum().backward();

        assertThat(x1.grad().toFloatArray()).containsExactly(x2.grad().toFloatArray(), within(1e-6f));
        assertThat(y1.grad().toFloatArray()).containsExactly(y2.grad().toFloatArray(), within(1e-6f));
    }

    @Test
    void nothingIsRecordedWithGradOffOrWithoutInputsThatRequireGrad() {
        Tensor x = GradCheck.spread(5, 3).requiresGrad(true);
        Tensor y = GradCheck.spread(6, 3);
        try (var g = Grad.off()) {
            assertThat(CustomOp.recording(x, y)).isFalse();
            assertThat(fusedMulAdd(x, y).requiresGrad()).isFalse();
        }
        assertThat(CustomOp.recording(x.detach(), y)).isFalse();
        assertThat(fusedMulAdd(x.detach(), y).requiresGrad()).isFalse();
        assertThat(CustomOp.recording(x, y)).isTrue();
        Tensor recorded = fusedMulAdd(x, y);
        assertThat(recorded.requiresGrad()).isTrue();
        assertThat(recorded.toString()).contains("grad_fn=mul-add");
    }

    @Test
    void aBackwardWithTheWrongNumberOfGradientsIsReported() {
        Tensor x = GradCheck.spread(7, 2).requiresGrad(true);
        Tensor out = CustomOp.apply("broken", Tensor.zeros(2), g -> new Tensor[] {g, g}, x);
        assertThatThrownBy(() -> out.sum().backward())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("custom op 'broken'")
                .hasMessageContaining("2 gradients for 1 inputs");
    }

    @Test
    void anOutputAlreadyInAGraphIsRejected() {
        Tensor x = GradCheck.spread(8, 2).requiresGrad(true);
        assertThatThrownBy(() -> CustomOp.apply("twice", x.mul(x), g -> new Tensor[] {g}, x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("custom op 'twice'")
                .hasMessageContaining("produced by 'mul'");
    }
}
