package dev.grove.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Laws that hold for every shape and seed. */
class TensorPropertiesTest {

    @Property(tries = 60)
    void broadcastAddCommutesAndMatchesExplicitExpansion(@ForAll @IntRange(min = 1, max = 4) int rows,
                                                          @ForAll @IntRange(min = 1, max = 5) int cols,
                                                          @ForAll long seed) {
        Rng rng = new Rng(seed);
        Tensor a = Tensor.randn(rng, rows, 1);
        Tensor b = Tensor.randn(rng, cols);
        Tensor ab = a.add(b);
        assertThat(ab.shape()).containsExactly(rows, cols);
        assertThat(ab.toFloatArray()).containsExactly(b.add(a).toFloatArray());
        assertThat(ab.toFloatArray()).containsExactly(a.broadcastTo(rows, cols).add(b.broadcastTo(rows, cols)).toFloatArray());
    }

    @Property(tries = 60)
    void softmaxIsADistribution(@ForAll @IntRange(min = 1, max = 6) int rows,
                                @ForAll @IntRange(min = 1, max = 9) int cols,
                                @ForAll long seed) {
        Tensor logits = Tensor.randn(new Rng(seed), rows, cols).mul(20f);
        Tensor p = logits.softmax(1);
        for (float v : p.toFloatArray()) {
            assertThat(v).isBetween(0f, 1f);
        }
        for (float s : p.sum(1).toFloatArray()) {
            assertThat(s).isCloseTo(1f, within(1e-5f));
        }
        assertThat(logits.logSoftmax(1).exp().toFloatArray()).containsExactly(p.toFloatArray(), within(1e-5f));
    }

    @Property(tries = 60)
    void permuteThenInverseIsIdentity(@ForAll @IntRange(min = 1, max = 4) int d0,
                                      @ForAll @IntRange(min = 1, max = 4) int d1,
                                      @ForAll @IntRange(min = 1, max = 4) int d2,
                                      @ForAll long seed) {
        Tensor x = Tensor.randn(new Rng(seed), d0, d1, d2);
        Tensor back = x.permute(1, 2, 0).permute(2, 0, 1);
        assertThat(back.shape()).containsExactly(d0, d1, d2);
        assertThat(back.toFloatArray()).containsExactly(x.toFloatArray());
    }

    @Property(tries = 60)
    void sumOverAllAxesEqualsSumOfPartialSums(@ForAll @IntRange(min = 1, max = 5) int d0,
                                              @ForAll @IntRange(min = 1, max = 5) int d1,
                                              @ForAll long seed) {
        Tensor x = Tensor.randn(new Rng(seed), d0, d1);
        assertThat(x.sum(0).sum().item()).isCloseTo(x.sum().item(), within(1e-4f));
        assertThat(x.sum(1).sum().item()).isCloseTo(x.sum().item(), within(1e-4f));
    }
}
