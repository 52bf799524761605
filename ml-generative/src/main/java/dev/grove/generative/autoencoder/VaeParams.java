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
 * Params of {@code vae}, a variational autoencoder: the encoder gives a Gaussian posterior
 * N(μ, σ²) over a code of {@code latent-dim} values, the decoder reconstructs the image from a code
 * drawn from it by the reparameterization trick, and training minimises reconstruction +
 * β · KL(q(z|x) ‖ N(0, I)) per image. With {@code conditional} the one-hot class of each image is
 * given to the encoder and the decoder, so the model generates images of a chosen class.
 *
 * @param encoder     the encoder's layers (dense, or starting with conv2d/pooling to see images); the
 *                    model adds a flatten and the linear μ and log-variance heads
 * @param decoder     the decoder's layers on the flat code: dense layers, to which the model adds a
 *                    dense output layer of one sigmoid unit per pixel, or layers with a reshape
 *                    (convolutional) whose output is the image itself
 * @param latentDim   the size of the code
 * @param loss        the reconstruction term: {@code bce} (nats, pixels in [0, 1]) or {@code mse}
 *                    (squared error), summed over the pixels of an image
 * @param beta        the weight of the KL term (1: the evidence lower bound; above 1: a β-VAE)
 * @param conditional whether the model is conditioned on the class of each image
 * @param optimizer   the optimizer (an OPTIMIZER component)
 * @param epochs      passes over the training images
 * @param batchSize   images per mini-batch
 */
public record VaeParams(
        @Doc("The encoder's layers: dense layers see each image flat; a first conv2d, max-pool2d, avg-pool2d, residual"
                + " or inception sees it as [channels, height, width] (put a flatten before its dense layers, as in a"
                + " network). A flatten and linear mu and log-variance heads of latent-dim units are added")
        @Default("[{dense: {units: 400, activation: relu}}]") @OfKind(Kind.LAYER) List<LayerSpec> encoder,
        @Doc("The decoder's layers on the flat code. Dense layers: a dense output layer of one sigmoid unit per pixel"
                + " is added. With a reshape (e.g. dense, reshape [32, 7, 7], upsample2d, conv2d ...) the decoder is"
                + " convolutional: its own output must be the image [channels, height, width], linear or sigmoid, taken as"
                + " the pixel logits")
        @Default("[{dense: {units: 400, activation: relu}}]") @OfKind(Kind.LAYER) List<LayerSpec> decoder,
        @Doc("Values in the latent code") @Default("20") @Min(1) int latentDim,
        @Doc("Reconstruction term, summed over the pixels of an image: bce (binary cross-entropy in nats, pixels in"
                + " [0, 1]) or mse (squared error)")
        @Default("bce") @OneOf({"bce", "mse"}) String loss,
        @Doc("Weight of the KL term: 1 gives the evidence lower bound, above 1 a beta-VAE")
        @Default("1.0") @Min(0) double beta,
        @Doc("Condition on the class of each image (its one-hot joins the encoder input and the code), generating"
                + " images of a chosen class; needs class targets")
        @Default("false") boolean conditional,
        @Doc("The optimizer, e.g. {adam: {lr: 0.001}}") @Default("adam") @OfKind(Kind.OPTIMIZER) OptimizerSpec optimizer,
        @Doc("Passes over the training images") @Default("20") @Min(1) int epochs,
        @Doc("Images per mini-batch") @Default("128") @Min(1) int batchSize) {

    /** Validates every param. */
    public VaeParams {
        encoder = List.copyOf(Objects.requireNonNull(encoder, "encoder"));
        decoder = List.copyOf(Objects.requireNonNull(decoder, "decoder"));
        Objects.requireNonNull(optimizer, "optimizer");
        Params.atLeast("latent-dim", latentDim, 1, false);
        Params.oneOf("loss", loss, PixelLosses.BCE, PixelLosses.MSE);
        Params.atLeast("beta", beta, 0, false);
        if (Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be finite, got " + beta);
        }
        Params.atLeast("epochs", epochs, 1, false);
        Params.atLeast("batch-size", batchSize, 1, false);
    }

    /**
     * An unconditional VAE of {@code encoder} and {@code decoder} layers with a code of
     * {@code latentDim}, and the documented defaults otherwise: bce, β = 1, Adam at 1e-3, 20 epochs of
     * 128 images (PyTorch's VAE example).
     */
    public static VaeParams of(List<LayerSpec> encoder, List<LayerSpec> decoder, int latentDim) {
        return new VaeParams(encoder, decoder, latentDim, PixelLosses.BCE, 1.0, false, new Adam(AdamParams.defaults()), 20, 128);
    }

    /** A copy with another reconstruction loss. */
    public VaeParams withLoss(String value) {
        return new VaeParams(encoder, decoder, latentDim, value, beta, conditional, optimizer, epochs, batchSize);
    }

    /** A copy with another KL weight. */
    public VaeParams withBeta(double value) {
        return new VaeParams(encoder, decoder, latentDim, loss, value, conditional, optimizer, epochs, batchSize);
    }

    /** A copy that is, or is not, conditioned on the class. */
    public VaeParams withConditional(boolean value) {
        return new VaeParams(encoder, decoder, latentDim, loss, beta, value, optimizer, epochs, batchSize);
    }

    /** A copy with another optimizer. */
    public VaeParams withOptimizer(OptimizerSpec value) {
        return new VaeParams(encoder, decoder, latentDim, loss, beta, conditional, value, epochs, batchSize);
    }

    /** A copy that trains for {@code value} epochs. */
    public VaeParams withEpochs(int value) {
        return new VaeParams(encoder, decoder, latentDim, loss, beta, conditional, optimizer, value, batchSize);
    }

    /** A copy with another batch size. */
    public VaeParams withBatchSize(int value) {
        return new VaeParams(encoder, decoder, latentDim, loss, beta, conditional, optimizer, epochs, value);
    }

    /** A copy with another latent size. */
    public VaeParams withLatentDim(int value) {
        return new VaeParams(encoder, decoder, value, loss, beta, conditional, optimizer, epochs, batchSize);
    }
}
