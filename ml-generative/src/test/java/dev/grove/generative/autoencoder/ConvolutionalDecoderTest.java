package dev.grove.generative.autoencoder;

import static dev.grove.generative.autoencoder.TinyImages.dense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.neural.layer.Conv2dParams;
import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Pool2dParams;
import dev.grove.neural.layer.Pool2dSpec;
import dev.grove.neural.layer.ReshapeParams;
import dev.grove.neural.layer.ReshapeSpec;
import dev.grove.neural.layer.Upsample2dParams;
import dev.grove.neural.layer.Upsample2dSpec;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Autoencoders and VAEs whose decoder is convolutional (a reshape of the code to feature maps,
 * upsampling and convolutions that output the image), on small 4x4 pattern images.
 */
class ConvolutionalDecoderTest {

    private static final Dataset TRAIN = TinyImages.patterns(300, 1);
    private static final Dataset TEST = TinyImages.patterns(30, 2);
    private static final Adam ADAM = new Adam(new AdamParams(0.01, 0.9, 0.999, 1e-8, 0));

    /** conv2d 4 same relu, 2x2 max pooling: [1, 4, 4] to [4, 2, 2]; flatten. */
    private static final List<LayerSpec> ENCODER = List.of(new Conv2dSpec(Conv2dParams.of(4, 3, "same", "relu")),
            Pool2dSpec.max(Pool2dParams.of(2)), new FlattenSpec());
    /** dense 16 relu, reshape [4, 2, 2], upsample to [4, 4, 4], conv2d of one filter: the image [1, 4, 4]. */
    private static final List<LayerSpec> DECODER = decoder("linear");

    private static final AutoencoderParams AUTOENCODER = AutoencoderParams.of(ENCODER, DECODER, 3)
            .withOptimizer(ADAM).withBatchSize(32).withEpochs(30);
    private static final VaeParams VAE = VaeParams.of(ENCODER, DECODER, 2).withOptimizer(ADAM).withBatchSize(32).withEpochs(30);

    private static final List<Map<String, Double>> AUTOENCODER_HISTORY = new ArrayList<>();
    private static final List<Map<String, Double>> VAE_HISTORY = new ArrayList<>();
    private static AutoencoderModel autoencoder;
    private static VaeModel vae;

    private static List<LayerSpec> decoder(String lastActivation) {
        return List.of(dense(16, "relu"), new ReshapeSpec(ReshapeParams.of(4, 2, 2)), new Upsample2dSpec(new Upsample2dParams(2)),
                new Conv2dSpec(Conv2dParams.of(1, 3, "same", lastActivation)));
    }

    @BeforeAll
    static void fit() {
        autoencoder = new Autoencoder(AUTOENCODER).fit(TRAIN,
                RunContext.builder(7).history((scope, epoch, values) -> AUTOENCODER_HISTORY.add(values)).build());
        vae = new Vae(VAE).fit(TRAIN, RunContext.builder(7).history((scope, epoch, values) -> VAE_HISTORY.add(values)).build());
    }

    @Test
    void theDecoderOutputsTheImageItselfWithoutAnAddedDenseLayer() {
        // Encoder: conv 1 -> 4 (36 + 4), head 16 -> 3 (48 + 3); decoder: dense 3 -> 16 (48 + 16), conv 4 -> 1 (36 + 1).
        assertThat(autoencoder.parameterCount()).isEqualTo(40 + 51 + 64 + 37);
        assertThat(autoencoder.state().arrays().keySet().stream().filter(name -> name.startsWith("decoder.")))
                .containsExactlyInAnyOrder("decoder.dense-1.weight", "decoder.dense-1.bias", "decoder.conv2d-1.weight",
                        "decoder.conv2d-1.bias");
    }

    @Test
    void aConvolutionalAutoencoderLearnsToReconstruct() {
        assertThat(AUTOENCODER_HISTORY).hasSize(30);
        assertThat(AUTOENCODER_HISTORY.get(29).get("train/loss")).isLessThan(0.8 * AUTOENCODER_HISTORY.get(0).get("train/loss"));
        // Predicting the mean pixel (about 0.5 on half-bright images) gives an error of about 0.18 per pixel, 7.4 dB.
        assertThat(autoencoder.evaluate(TEST, 1).get("reconstruction-psnr")).isGreaterThan(15.0);
        Tensor rebuilt = autoencoder.reconstruct(DatasetImages.batch(TEST, autoencoder.imageShape(), 0, 6));
        assertThat(rebuilt.shape()).containsExactly(6, 1, 4, 4);
        for (float pixel : rebuilt.toFloatArray()) {
            assertThat(pixel).isBetween(0f, 1f);
        }
    }

    @Test
    void aSavedConvolutionalAutoencoderRestoresBitwise() {
        AutoencoderModel restored = (AutoencoderModel) restore("autoencoder", AUTOENCODER, autoencoder.state());
        Tensor images = DatasetImages.batch(TEST, autoencoder.imageShape(), 0, 6);
        assertThat(restored.encode(images).toFloatArray()).containsExactly(autoencoder.encode(images).toFloatArray());
        assertThat(restored.reconstruct(images).toFloatArray()).containsExactly(autoencoder.reconstruct(images).toFloatArray());
        assertThat(restored.evaluate(TEST, 4)).isEqualTo(autoencoder.evaluate(TEST, 4));
    }

    @Test
    void aConvolutionalVaeLearnsAndRestoresBitwise() {
        assertThat(VAE_HISTORY).hasSize(30);
        assertThat(VAE_HISTORY.get(29).get("train/loss")).isLessThan(0.8 * VAE_HISTORY.get(0).get("train/loss"));
        VaeModel restored = (VaeModel) restore("vae", VAE, vae.state());
        Tensor images = DatasetImages.batch(TEST, vae.imageShape(), 0, 6);
        assertThat(restored.reconstruct(images).toFloatArray()).containsExactly(vae.reconstruct(images).toFloatArray());
        assertThat(restored.sample(5, 9).toFloatArray()).containsExactly(vae.sample(5, 9).toFloatArray());
        assertThat(vae.sample(5, 9).shape()).containsExactly(5, 1, 4, 4);
        assertThat(restored.evaluate(TEST, 1)).isEqualTo(vae.evaluate(TEST, 1));
    }

    @Test
    void aConditionalConvolutionalVaeDecodesTheCodeAndTheClass() {
        VaeModel conditional = new Vae(VAE.withConditional(true).withEpochs(2)).fit(TRAIN, RunContext.withSeed(3));
        assertThat(conditional.sample("top", 4, 2).shape()).containsExactly(4, 1, 4, 4);
    }

    @Test
    void aFinalSigmoidIsTakenFromTheLogitsAsALinearLastLayerIs() {
        // The activation does not change how weights start, so both train the same logits.
        AutoencoderParams linear = AUTOENCODER.withEpochs(2);
        AutoencoderParams sigmoid = AutoencoderParams.of(ENCODER, decoder("sigmoid"), 3).withOptimizer(ADAM).withBatchSize(32)
                .withEpochs(2);
        Tensor images = DatasetImages.batch(TEST, autoencoder.imageShape(), 0, 6);
        float[] fromLinear = new Autoencoder(linear).fit(TRAIN, RunContext.withSeed(5)).reconstruct(images).toFloatArray();
        float[] fromSigmoid = new Autoencoder(sigmoid).fit(TRAIN, RunContext.withSeed(5)).reconstruct(images).toFloatArray();
        assertThat(fromSigmoid).containsExactly(fromLinear);
    }

    @Test
    void aDecoderThatDoesNotOutputTheImageNamesBothShapes() {
        List<LayerSpec> small = List.of(dense(16, "relu"), new ReshapeSpec(ReshapeParams.of(4, 2, 2)),
                new Conv2dSpec(Conv2dParams.of(1, 3, "same", "linear")));
        assertThatThrownBy(() -> new Autoencoder(AutoencoderParams.of(ENCODER, small, 3)).fit(TRAIN, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("autoencoder decoder")
                .hasMessageContaining("image shape [1, 4, 4]").hasMessageContaining("output [1, 2, 2]");
        assertThatThrownBy(() -> new Vae(VaeParams.of(ENCODER, small, 2)).fit(TRAIN, RunContext.withSeed(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vae decoder")
                .hasMessageContaining("[1, 4, 4]").hasMessageContaining("[1, 2, 2]");
    }

    @Test
    void aDecoderEndingInAnotherActivationOrAReshapeOfTheWrongSizeIsAClearError() {
        assertThatThrownBy(() -> new Autoencoder(AutoencoderParams.of(ENCODER, decoder("relu"), 3)).fit(TRAIN,
                RunContext.withSeed(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("linear or sigmoid, got relu");
        List<LayerSpec> wrongReshape = List.of(dense(12, "relu"), new ReshapeSpec(ReshapeParams.of(4, 2, 2)));
        assertThatThrownBy(() -> new Autoencoder(AutoencoderParams.of(ENCODER, wrongReshape, 3)).fit(TRAIN,
                RunContext.withSeed(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("autoencoder decoder").hasMessageContaining("[12]").hasMessageContaining("[4, 2, 2]");
    }

    @SuppressWarnings("unchecked")
    private static Object restore(String name, Record params, ModelState state) {
        List<Component<?>> components = new ArrayList<>();
        AutoencoderComponents.register(components::add);
        var component = (Component<Record>) components.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        return component.restorer().restore(params, TRAIN.schema(), state);
    }
}
