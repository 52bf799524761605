package dev.grove.neural.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fused layer norm against its definition written with recorded tensor ops,
 * (x − mean) / √(biased variance + eps) · gamma + beta over the last axis: values and the gradients
 * of the input, gamma and beta, on rows wide and many enough to span several parallel tasks.
 */
class LayerNormFusedTest {

    private static final float EPS = 1e-5f;

    private static Tensor definition(Tensor x, Tensor gamma, Tensor beta) {
        int[] last = {x.rank() - 1};
        Tensor centred = x.sub(x.mean(last, true));
        Tensor variance = centred.mul(centred).mean(last, true);
        return centred.div(variance.add(EPS).sqrt()).mul(gamma).add(beta);
    }

    @Test
    void valuesAndGradientsMatchTheDefinition() {
        int width = 96;
        Layer norm = new LayerNormSpec(new LayerNormParams(EPS)).build(new int[] {7, width}, new Rng(0));
        Map<String, Parameter> parameters = Layers.parameters(norm);
        Tensor gamma = parameters.get("gamma").value();
        Tensor beta = parameters.get("beta").value();
        parameters.get("gamma").assign(Tensor.uniform(new Rng(1), 0.5f, 1.5f, width).toFloatArray());
        parameters.get("beta").assign(Tensor.uniform(new Rng(2), -1f, 1f, width).toFloatArray());
        Tensor input = Tensor.randn(new Rng(3), 50, 7, width).mul(3f).add(1f);
        Tensor upstream = Tensor.randn(new Rng(4), 50, 7, width);

        Tensor x = input.detach().requiresGrad(true);
        norm.forward(x, Pass.inference()).mul(upstream).sum().backward();
        float[] fusedInput = x.grad().toFloatArray();
        float[] fusedGamma = gamma.grad().toFloatArray();
        float[] fusedBeta = beta.grad().toFloatArray();
        float[] fusedValues = norm.forward(input, Pass.inference()).toFloatArray();

        Tensor xRef = input.detach().requiresGrad(true);
        Tensor gammaRef = gamma.detach().requiresGrad(true);
        Tensor betaRef = beta.detach().requiresGrad(true);
        Tensor reference = definition(xRef, gammaRef, betaRef);
        reference.mul(upstream).sum().backward();

        assertClose(fusedValues, reference.toFloatArray(), 2e-5);
        assertClose(fusedInput, xRef.grad().toFloatArray(), 2e-4);
        assertClose(fusedGamma, gammaRef.grad().toFloatArray(), 1e-3);
        assertClose(fusedBeta, betaRef.grad().toFloatArray(), 1e-3);
    }

    private static void assertClose(float[] actual, float[] expected, double tolerance) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("element %d", i).isCloseTo(expected[i], within(tolerance * (1 + Math.abs(expected[i]))));
        }
    }
}
