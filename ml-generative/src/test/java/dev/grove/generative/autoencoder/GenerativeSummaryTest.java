package dev.grove.generative.autoencoder;

import static dev.grove.generative.autoencoder.TinyImages.dense;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.grove.api.data.Schema;
import dev.grove.api.model.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layer tables of the vae and autoencoder estimators, part by part, against counts worked out by hand. */
class GenerativeSummaryTest {

    /** 28x28 grey images labelled with the three tiny patterns: MNIST's sample shape. */
    private static final Schema MNIST_SHAPE = TinyImages.schema(28, true);

    /** examples/mnist-vae.yaml: 784-400-20 with a 400-unit decoder. */
    private static final VaeParams MNIST_VAE = VaeParams.of(List.of(dense(400, "relu")), List.of(dense(400, "relu")), 20);

    @Test
    void theMnistVaeHasPyTorchsParameterCountsPartByPart() {
        Summary summary = new Vae(MNIST_VAE).summary(MNIST_SHAPE);

        // weights + biases: 784*400+400, 400*20+20 for each head, 20*400+400, 400*784+784.
        assertThat(summary.rows()).extracting(Summary.Row::name, Summary.Row::outputShape, Summary.Row::parameters)
                .containsExactly(
                        tuple("encoder.dense-1", List.of(400), 314_000L),
                        tuple("encoder.flatten-1", List.of(400), 0L),
                        tuple("mu", List.of(20), 8_020L),
                        tuple("log-variance", List.of(20), 8_020L),
                        tuple("decoder.dense-1", List.of(400), 8_400L),
                        tuple("decoder.dense-2", List.of(784), 314_384L));
        // PyTorch's VAE example (fc1, fc21, fc22, fc3, fc4) has the same 652,824 parameters.
        assertThat(summary.total()).isEqualTo(314_000L + 8_020 + 8_020 + 8_400 + 314_384).isEqualTo(652_824L);
        assertThat(summary.trainable()).isEqualTo(summary.total());
    }

    @Test
    void aConditionalVaeFeedsTheOneHotClassToTheEncoderAndTheDecoder() {
        Summary summary = new Vae(MNIST_VAE.withConditional(true)).summary(MNIST_SHAPE);

        // Three classes: the encoder sees 784 + 3 values, the decoder 20 + 3.
        assertThat(summary.rows()).extracting(Summary.Row::name, Summary.Row::parameters)
                .contains(tuple("encoder.dense-1", 787L * 400 + 400), tuple("decoder.dense-1", 23L * 400 + 400));
        assertThat(summary.total()).isEqualTo(787L * 400 + 400 + 8_020 + 8_020 + 23L * 400 + 400 + 314_384);
    }

    @Test
    void aConditionalVaeWithoutClassesIsRefused() {
        assertThatThrownBy(() -> new Vae(MNIST_VAE.withConditional(true)).summary(TinyImages.schema(28, false)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conditional");
    }

    @Test
    void theAutoencoderEndsItsEncoderInTheLatentHead() {
        AutoencoderParams params = AutoencoderParams.of(List.of(dense(128, "relu")), List.of(dense(128, "relu")), 32);

        Summary summary = new Autoencoder(params).summary(MNIST_SHAPE);

        assertThat(summary.rows()).extracting(Summary.Row::name, Summary.Row::outputShape, Summary.Row::parameters)
                .containsExactly(
                        tuple("encoder.dense-1", List.of(128), 100_480L),
                        tuple("encoder.flatten-1", List.of(128), 0L),
                        tuple("encoder.dense-2", List.of(32), 4_128L),
                        tuple("decoder.dense-1", List.of(128), 4_224L),
                        tuple("decoder.dense-2", List.of(784), 101_136L));
        assertThat(summary.total()).isEqualTo(209_968L);
        assertThat(summary.trainable()).isEqualTo(209_968L);
    }
}
