package dev.grove.generative.autoencoder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.neural.layer.AbstractLayer;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerGradientCheck;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference checks of the gradient a VAE trains with: the whole objective (encoder, μ and
 * log-variance heads, reparameterized code, decoder, reconstruction and KL terms) with respect to
 * the images and to every weight, for the plain and the conditional form. Tanh layers keep the
 * objective smooth (no relu kinks for the finite differences to straddle).
 */
class VaeGradientTest {

    private static final ImageShape IMAGE = new ImageShape(1, 2, 3);

    /** The VAE's training objective on a batch as a layer, so that LayerGradientCheck reaches every weight. */
    private static final class ObjectiveLayer extends AbstractLayer {

        private final VaeNetworks networks;
        private final VaeParams params;
        private final Tensor oneHot;

        ObjectiveLayer(VaeNetworks networks, VaeParams params, Tensor oneHot) {
            super("vae-objective", IMAGE.toArray(), new int[] {1});
            this.networks = networks;
            this.params = params;
            this.oneHot = oneHot;
        }

        @Override
        public Tensor forward(Tensor images, Pass pass) {
            VaeNetworks.Posterior posterior = networks.encode(images, oneHot, pass);
            Tensor noise = Tensor.randn(pass.rng(), images.dim(0), params.latentDim());
            Tensor z = VaeLoss.reparameterize(posterior.mu(), posterior.logVariance(), noise);
            Tensor logits = networks.decodeLogits(z, oneHot, pass);
            return VaeLoss.compute(params.loss(), (float) params.beta(), logits, images, posterior.mu(),
                    posterior.logVariance()).objective().reshape(1);
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public List<Child> children() {
            return networks.namedLayers();
        }
    }

    private static VaeParams params() {
        return VaeParams.of(List.of(new DenseSpec(DenseParams.of(4, "tanh"))), List.of(new DenseSpec(DenseParams.of(3, "tanh"))), 2)
                .withBeta(1.5);
    }

    private static Tensor images() {
        return Tensor.uniform(new Rng(3), 0.05f, 0.95f, 3, 1, 2, 3);
    }

    @Test
    void theObjectiveOfAVaeHasTheGradientOfItsValueForImagesAndEveryWeight() {
        for (String loss : new String[] {"bce", "mse"}) {
            VaeParams params = params().withLoss(loss);
            Layer objective = new ObjectiveLayer(VaeNetworks.build(params, IMAGE, 0, new Rng(1)), params, null);
            GradientCheck.Result result = LayerGradientCheck.standard().check(objective, images(), () -> new Pass(true, new Rng(11)));
            assertThat(result.passed()).as(loss + ": " + result.failure()).isTrue();
            // encoder dense (6*4 + 4), mu and log-variance (4*2 + 2 each), decoder dense (2*3 + 3), output (3*6 + 6), images 18
            assertThat(result.checked()).isEqualTo(18 + 28 + 10 + 10 + 9 + 24);
        }
    }

    @Test
    void theObjectiveOfAConditionalVaeHasTheGradientOfItsValueForEveryWeight() {
        VaeParams params = params().withConditional(true);
        Tensor oneHot = new ClassConditions("vae", List.of("a", "b")).oneHot(new int[] {1, 0, 1}, 3);
        Layer objective = new ObjectiveLayer(VaeNetworks.build(params, IMAGE, 2, new Rng(1)), params, oneHot);
        GradientCheck.Result result = LayerGradientCheck.standard().check(objective, images(), () -> new Pass(true, new Rng(11)));
        assertThat(result.passed()).as(result.failure()).isTrue();
        // The one-hot widens the encoder's input (6 + 2 inputs) and the decoder's (2 + 2 inputs).
        assertThat(result.checked()).isEqualTo(18 + (8 * 4 + 4) + 10 + 10 + (4 * 3 + 3) + 24);
    }

    @Test
    void aConvolutionalEncoderPassesTheGradientCheckToo() {
        VaeParams params = VaeParams.of(
                List.of(new dev.grove.neural.layer.Conv2dSpec(dev.grove.neural.layer.Conv2dParams.of(2, 2, "valid", "tanh"))),
                List.of(), 2).withConditional(true);
        Tensor oneHot = new ClassConditions("vae", List.of("a", "b")).oneHot(new int[] {0, 1, 1}, 3);
        Layer objective = new ObjectiveLayer(VaeNetworks.build(params, IMAGE, 2, new Rng(2)), params, oneHot);
        GradientCheck.Result result = LayerGradientCheck.standard().check(objective, images(), () -> new Pass(true, new Rng(12)));
        assertThat(result.passed()).as(result.failure()).isTrue();
    }
}
