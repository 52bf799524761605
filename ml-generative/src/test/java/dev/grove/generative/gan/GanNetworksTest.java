package dev.grove.generative.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.ActivationSpec;
import dev.grove.neural.layer.Conv2dParams;
import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.DropoutParams;
import dev.grove.neural.layer.DropoutSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.LeakyReluParams;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.GradientCheck;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the generator and discriminator are built and fed, and the gradients that flow through both. */
class GanNetworksTest {

    private static final Schema SCHEMA = TinyImages.schema();

    private static LayerSpec dense(int units) {
        return new DenseSpec(DenseParams.of(units, "linear"));
    }

    private static LayerSpec leaky() {
        return ActivationSpec.leakyRelu(new LeakyReluParams(0.2));
    }

    private static GanParams params(List<LayerSpec> generator, List<LayerSpec> discriminator) {
        return GanParams.of(generator, discriminator).withLatentDim(3).withConditional(true);
    }

    @Test
    void aConditionalGanAppendsTheOneHotClassToTheNoiseAndToTheFlatImage() {
        GanNetworks networks = GanNetworks.build(params(List.of(dense(8), leaky()), List.of(dense(8), leaky())),
                SCHEMA, new Rng(1));
        assertThat(networks.generator().inputShape()).containsExactly(3 + 2);
        assertThat(networks.generator().outputShape()).containsExactly(16);
        assertThat(networks.discriminator().inputShape()).containsExactly(16 + 2);
        assertThat(networks.discriminator().outputShape()).containsExactly(1);
        Tensor samples = networks.generate(Tensor.randn(new Rng(2), 5, 3), new int[] {0, 1, 1, 0, 1}, Pass.inference());
        assertThat(samples.shape()).containsExactly(5, 1, 4, 4);
        for (float v : samples.toFloatArray()) {
            assertThat(v).isBetween(-1f, 1f);
        }
        assertThat(networks.discriminate(samples, new int[] {0, 1, 1, 0, 1}, Pass.inference()).shape()).containsExactly(5);
    }

    @Test
    void theClassChangesWhatTheNetworksCompute() {
        GanNetworks networks = GanNetworks.build(params(List.of(dense(8), leaky()), List.of(dense(8), leaky())),
                SCHEMA, new Rng(1));
        Tensor noise = Tensor.randn(new Rng(2), 1, 3);
        Tensor left = networks.generate(noise, new int[] {0}, Pass.inference());
        Tensor right = networks.generate(noise, new int[] {1}, Pass.inference());
        assertThat(left.toFloatArray()).isNotEqualTo(right.toFloatArray());
        assertThat(networks.discriminate(left, new int[] {0}, Pass.inference()).item())
                .isNotEqualTo(networks.discriminate(left, new int[] {1}, Pass.inference()).item());
    }

    @Test
    void aDiscriminatorStartingWithConv2dSeesTheImageWithOneConstantPlanePerClass() {
        List<LayerSpec> convolutional = List.of(new Conv2dSpec(Conv2dParams.of(4, 3, "same", "linear")), leaky(),
                new FlattenSpec());
        GanNetworks networks = GanNetworks.build(params(List.of(dense(8)), convolutional), SCHEMA, new Rng(1));
        assertThat(networks.discriminator().inputShape()).containsExactly(1 + 2, 4, 4);
        assertThat(networks.discriminator().outputShape()).containsExactly(1);
        GanModel model = new Gan(params(List.of(dense(8)), convolutional).withEpochs(1).withBatchSize(16))
                .fit(TinyImages.data(32, 1), RunContext.withSeed(1));
        assertThat(model.generate(1, 2, 3)).hasSize(2);
    }

    @Test
    void theGeneratorLossGradientReachesTheNoiseThroughBothNetworks() {
        GanNetworks networks = GanNetworks.build(params(List.of(dense(8), leaky()),
                List.of(dense(8), leaky(), new DropoutSpec(new DropoutParams(0.3)))), SCHEMA, new Rng(1));
        int[] labels = {0, 1, 1};
        // The discriminator's parameters are out of the graph during a generator step, as in training.
        networks.discriminatorParameters().forEach(p -> p.value().requiresGrad(false));
        GradientCheck.Result result = GradientCheck.standard().check(x -> GanLosses.generator(networks.discriminate(
                networks.generate(x[0], labels, new Pass(true, new Rng(3))), labels, new Pass(true, new Rng(4)))),
                Tensor.randn(new Rng(5), 3, 3));
        assertThat(result.passed()).as(result.failure()).isTrue();
    }

    @Test
    void theDiscriminatorLossGradientReachesRealAndGeneratedImages() {
        // tanh rather than leaky-relu: random images would put some hidden value within a step of the kink.
        GanNetworks networks = GanNetworks.build(params(List.of(dense(8)),
                List.of(new DenseSpec(DenseParams.of(8, "tanh")))), SCHEMA, new Rng(1));
        int[] labels = {0, 1, 1};
        GradientCheck.Result result = GradientCheck.standard().check(x -> GanLosses.discriminator(
                        networks.discriminate(x[0], labels, Pass.inference()),
                        networks.discriminate(x[1], labels, Pass.inference()), 0.1),
                Tensor.uniform(new Rng(5), -1, 1, 3, 1, 4, 4), Tensor.uniform(new Rng(6), -1, 1, 3, 1, 4, 4));
        assertThat(result.passed()).as(result.failure()).isTrue();
    }

    @Test
    void layersThatDoNotFitNameTheNetworkAndTheProblem() {
        assertThatThrownBy(() -> GanNetworks.build(params(List.of(new Conv2dSpec(Conv2dParams.of(4, 3, "same", "relu"))),
                List.of(dense(8))), SCHEMA, new Rng(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gan: generator").hasMessageContaining("conv2d");
        List<LayerSpec> notFlat = List.of(new Conv2dSpec(Conv2dParams.of(4, 3, "same", "relu")));
        assertThatThrownBy(() -> GanNetworks.build(params(List.of(dense(8)), notFlat), SCHEMA, new Rng(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("discriminator").hasMessageContaining("flatten").hasMessageContaining("[4, 4, 1]");
        Schema numeric = new Schema(SCHEMA.featureNames(), "brightness", List.of(), List.of(1, 4, 4));
        assertThatThrownBy(() -> GanNetworks.build(params(List.of(dense(8)), List.of(dense(8))), numeric, new Rng(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conditional: true").hasMessageContaining("numeric target 'brightness'");
    }

    @Test
    void dataScaleAndNetworkScaleAreInverse() {
        float[] values = {0f, 0.25f, 1f};
        GanNetworks.toNetworkScale(values);
        assertThat(values).containsExactly(-1f, -0.5f, 1f);
        GanNetworks.toDataScale(values);
        assertThat(values).containsExactly(0f, 0.25f, 1f);
    }
}
