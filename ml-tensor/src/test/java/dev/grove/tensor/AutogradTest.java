package dev.grove.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Autograd semantics: accumulation, detach, no-grad scopes, graph release. */
class AutogradTest {

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}).requiresGrad(true);
        x.mul(x).sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(2, 4, 6);
        x.mul(x).sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(4, 8, 12);
        x.zeroGrad();
        assertThat(x.grad()).isNull();
    }

    @Test
    void aTensorUsedOnManyPathsSumsItsGradients() {
        Tensor x = Tensor.scalar(3f).requiresGrad(true);
        Tensor y = x.mul(x).add(x.mul(2f)).add(x.exp().log());
        y.backward();
        // d/dx (x^2 + 2x + x) = 2x + 3 = 9
        assertThat(x.grad().item()).isEqualTo(9f);
    }

    @Test
    void detachStopsGradients() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        Tensor y = x.mul(x.detach());
        y.sum().backward();
        assertThat(x.grad().toFloatArray()).containsExactly(1, 2);
        assertThat(x.detach().requiresGrad()).isFalse();
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        Tensor y;
        try (var g = Grad.off()) {
            assertThat(Grad.isEnabled()).isFalse();
            y = x.mul(2f);
        }
        assertThat(Grad.isEnabled()).isTrue();
        assertThat(y.requiresGrad()).isFalse();
        assertThatThrownBy(() -> y.sum().backward()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not require grad");
    }

    @Test
    void graphIsReleasedAfterBackward() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        Tensor loss = x.mul(x).sum();
        loss.backward();
        assertThatThrownBy(loss::backward).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released");
    }

    @Test
    void backwardNeedsAScalarOrAnExplicitGradient() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        Tensor y = x.mul(3f);
        assertThatThrownBy(y::backward).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[2]").hasMessageContaining("exactly one element");
        y.backward(Tensor.of(new float[] {1, 10}));
        assertThat(x.grad().toFloatArray()).containsExactly(3, 30);
    }

    @Test
    void deepGraphsDoNotOverflowTheStack() {
        Tensor x = Tensor.scalar(1f).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 20_000; i++) {
            y = y.mul(1f);
        }
        y.backward();
        assertThat(x.grad().item()).isEqualTo(1f);
    }

    @Test
    void inPlaceUpdatesOfParametersNeedTheNoGradScope() {
        Tensor w = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        assertThatThrownBy(() -> w.addInPlace(Tensor.ones(2), -0.1f)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Grad.off");
        try (var g = Grad.off()) {
            w.addInPlace(Tensor.of(new float[] {10, 20}), -0.1f).mulInPlace(2f);
        }
        assertThat(w.toFloatArray()).containsExactly(0f, 0f);
    }

    @Test
    void leavesOnlyCanChangeRequiresGrad() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        Tensor y = x.add(1f);
        assertThatThrownBy(() -> y.requiresGrad(false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("leaf");
    }
}
