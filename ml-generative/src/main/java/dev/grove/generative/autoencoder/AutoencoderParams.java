package dev.grove.generative.autoencoder;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Min;
import dev.grove.api.params.OfKind;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Kind;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.optim.OptimizerSpec;
import java.util.List;
import java.util.Objects;

/**
 * Params of {@code autoencoder}: an encoder that maps each image to a code of {@code latent-dim}
 * values and a decoder that maps the code back to the image, trained to reconstruct; with
 * {@code noise} a denoising autoencoder, trained to map a corrupted image to the clean one.
 *
 * @param encoder    the encoder's layers (dense, or starting with conv2d/pooling to see images); the
 *                   model adds a flatten and a linear dense head of latent-dim units
 * @param decoder    the decoder's layers on the flat code: dense layers, to which the model adds a
 *                   dense output layer of one sigmoid unit per pixel, or layers with a reshape
 *                   (convolutional) whose output is the image itself
 * @param latentDim  the size of the code
 * @param noise      {@code none}, {@code gaussian} (plus level · N(0, 1), clipped to [0, 1]) or
 *                   {@code masking} (each pixel zeroed with probability level)
 * @param noiseLevel the standard deviation (gaussian) or probability (masking) of the noise
 * @param loss       {@code bce} or {@code mse}, summed over the pixels of an image, mean over the batch
 * @param optimizer  the optimizer (an OPTIMIZER component)
 * @param epochs     passes over the training images
 * @param batchSize  images per mini-batch
 */
public record AutoencoderParams(
        @Doc("The encoder's layers: dense layers see each image flat; a first conv2d, max-pool2d, avg-pool2d, residual"
                + " or inception sees it as [channels, height, width] (put a flatten before its dense layers, as in a"
                + " network). A flatten and a linear dense head of latent-dim units are added")
        @Default("[{dense: {units: 400, activation: relu}}]") @OfKind(Kind.LAYER) List<LayerSpec> encoder,
        @Doc("The decoder's layers on the flat code. Dense layers: a dense output layer of one sigmoid unit per pixel"
                + " is added. With a reshape (e.g. dense, reshape [32, 7, 7], upsample2d, conv2d ...) the decoder is"
                + " convolutional: its own output must be the image [channels, height, width], linear or sigmoid, taken as"
                + " the pixel logits")
        @Default("[{dense: {units: 400, activation: relu}}]") @OfKind(Kind.LAYER) List<LayerSpec> decoder,
        @Doc("Values in the code of an image") @Default("20") @Min(1) int latentDim,
        @Doc("Noise of the denoising form: none, gaussian (plus noise-level * N(0, 1), clipped to [0, 1]) or masking"
                + " (each pixel zeroed with probability noise-level); trained to give back the clean image")
        @Default("none") @OneOf({"none", "gaussian", "masking"}) String noise,
        @Doc("Standard deviation of gaussian noise, or probability of masking noise (below 1)")
        @Default("0.3") @Min(0) double noiseLevel,
        @Doc("Reconstruction loss, summed over the pixels of an image and averaged over the batch: bce (binary"
                + " cross-entropy, pixels in [0, 1]) or mse (squared error)")
        @Default("bce") @OneOf({"bce", "mse"}) String loss,
        @Doc("The optimizer, e.g. {adam: {lr: 0.001}}") @Default("adam") @OfKind(Kind.OPTIMIZER) OptimizerSpec optimizer,
        @Doc("Passes over the training images") @Default("20") @Min(1) int epochs,
        @Doc("Images per mini-batch") @Default("128") @Min(1) int batchSize) {

    /** Validates every param. */
    public AutoencoderParams {
        encoder = List.copyOf(Objects.requireNonNull(encoder, "encoder"));
        decoder = List.copyOf(Objects.requireNonNull(decoder, "decoder"));
        Objects.requireNonNull(optimizer, "optimizer");
        Params.atLeast("latent-dim", latentDim, 1, false);
        Params.oneOf("loss", loss, PixelLosses.BCE, PixelLosses.MSE);
        Corruption.of(Objects.requireNonNull(noise, "noise"), noiseLevel);
        Params.atLeast("epochs", epochs, 1, false);
        Params.atLeast("batch-size", batchSize, 1, false);
    }

    /**
     * A plain autoencoder of {@code encoder} and {@code decoder} layers with a code of
     * {@code latentDim}, and the documented defaults otherwise: no noise, bce, Adam at 1e-3, 20 epochs
     * of 128 images.
     */
    public static AutoencoderParams of(List<LayerSpec> encoder, List<LayerSpec> decoder, int latentDim) {
        return new AutoencoderParams(encoder, decoder, latentDim, "none", 0.3, PixelLosses.BCE,
                new Adam(AdamParams.defaults()), 20, 128);
    }

    /** A copy trained to remove {@code noise} at {@code level}. */
    public AutoencoderParams withNoise(String noise, double level) {
        return new AutoencoderParams(encoder, decoder, latentDim, noise, level, loss, optimizer, epochs, batchSize);
    }

    /** A copy with another reconstruction loss. */
    public AutoencoderParams withLoss(String value) {
        return new AutoencoderParams(encoder, decoder, latentDim, noise, noiseLevel, value, optimizer, epochs, batchSize);
    }

    /** A copy with another optimizer. */
    public AutoencoderParams withOptimizer(OptimizerSpec value) {
        return new AutoencoderParams(encoder, decoder, latentDim, noise, noiseLevel, loss, value, epochs, batchSize);
    }

    /** A copy that trains for {@code value} epochs. */
    public AutoencoderParams withEpochs(int value) {
        return new AutoencoderParams(encoder, decoder, latentDim, noise, noiseLevel, loss, optimizer, value, batchSize);
    }

    /** A copy with another batch size. */
    public AutoencoderParams withBatchSize(int value) {
        return new AutoencoderParams(encoder, decoder, latentDim, noise, noiseLevel, loss, optimizer, epochs, value);
    }

    /** The noise as configured. */
    Corruption corruption() {
        return Corruption.of(noise, noiseLevel);
    }
}
