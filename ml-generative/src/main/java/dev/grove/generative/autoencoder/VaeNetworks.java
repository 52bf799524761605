package dev.grove.generative.autoencoder;

import dev.grove.api.model.ModelState;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.network.NetworkWeights;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks of a VAE and their passes: the encoder body (the configured layers and a
 * {@code flatten}), two linear dense heads giving the posterior mean μ and log-variance log σ² of
 * the {@code latent-dim} code, and the decoder (the configured layers and a dense layer of one
 * sigmoid unit per pixel, or for a convolutional decoder the configured layers alone, see
 * {@link Architecture}). Saved under the prefixes {@code encoder.}, {@code mu.},
 * {@code log-variance.} and {@code decoder.}.
 *
 * <p>A conditional VAE appends the one-hot class to the encoder's input (to the body's flat output
 * when the encoder is convolutional, since an image and a class vector cannot be joined before the
 * first convolution) and to the code before decoding.
 */
final class VaeNetworks {

    private static final String ENCODER = "encoder.";
    private static final String MU = "mu.";
    private static final String LOG_VARIANCE = "log-variance.";
    private static final String DECODER = "decoder.";

    /**
     * The posterior of a batch: N(μ, σ²) per latent dimension.
     *
     * @param mu          {@code [n, latent]}
     * @param logVariance {@code [n, latent]}
     */
    record Posterior(Tensor mu, Tensor logVariance) {
    }

    private final ImageShape image;
    private final boolean imageEncoder;
    private final Layer encoder;
    private final Layer mu;
    private final Layer logVariance;
    private final Layer decoder;

    private VaeNetworks(ImageShape image, boolean imageEncoder, Layer encoder, Layer mu, Layer logVariance, Layer decoder) {
        this.image = image;
        this.imageEncoder = imageEncoder;
        this.encoder = encoder;
        this.mu = mu;
        this.logVariance = logVariance;
        this.decoder = decoder;
    }

    /**
     * The networks {@code params} describe for images of shape {@code image} and {@code classes}
     * condition classes (0 for an unconditional VAE), weights drawn from {@code rng}.
     */
    static VaeNetworks build(VaeParams params, ImageShape image, int classes, Rng rng) {
        boolean imageEncoder = Architecture.takesImages(params.encoder());
        int[] input = imageEncoder ? image.toArray() : new int[] {image.pixels() + classes};
        Layer encoder = Architecture.encoderBody(Vae.NAME, params.encoder(), null, input, rng.derive("encoder"));
        int features = encoder.outputShape()[0] + (imageEncoder ? classes : 0);
        int latent = params.latentDim();
        Layer mu = Architecture.dense(latent, "linear").build(new int[] {features}, rng.derive("mu"));
        Layer logVariance = Architecture.dense(latent, "linear").build(new int[] {features}, rng.derive("log-variance"));
        Layer decoder = Architecture.decoder(Vae.NAME, params.decoder(), latent + classes, image,
                rng.derive("decoder"));
        return new VaeNetworks(image, imageEncoder, encoder, mu, logVariance, decoder);
    }

    /**
     * The posterior of a batch of images {@code [n, channels, height, width]} with their one-hot
     * classes {@code [n, classes]} (null for an unconditional VAE).
     */
    Posterior encode(Tensor images, Tensor oneHot, Pass pass) {
        int n = images.dim(0);
        Tensor input = imageEncoder ? images : images.reshape(n, image.pixels());
        if (oneHot != null && !imageEncoder) {
            input = Tensor.concat(1, input, oneHot);
        }
        Tensor features = encoder.forward(input, pass);
        if (oneHot != null && imageEncoder) {
            features = Tensor.concat(1, features, oneHot);
        }
        return new Posterior(mu.forward(features, pass), logVariance.forward(features, pass));
    }

    /**
     * The logits {@code [n, pixels]} (dense decoder) or {@code [n, channels, height, width]}
     * (convolutional decoder) of the images decoded from codes {@code [n, latent]} with their
     * one-hot classes (or null).
     */
    Tensor decodeLogits(Tensor codes, Tensor oneHot, Pass pass) {
        Tensor input = oneHot == null ? codes : Tensor.concat(1, codes, oneHot);
        return decoder.forwardBeforeActivation(input, pass);
    }

    /** Every parameter, encoder body, μ head, log-variance head, decoder. */
    List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : layers()) {
            all.addAll(Layers.parameters(layer).values());
        }
        return all;
    }

    /** The number of learned values. */
    long parameterCount() {
        long count = 0;
        for (Layer layer : layers()) {
            count += Layers.parameterCount(layer);
        }
        return count;
    }

    /** Adds every array to {@code state}. */
    void write(ModelState.Builder state) {
        NetworkWeights.write(ENCODER, encoder, state);
        NetworkWeights.write(MU, mu, state);
        NetworkWeights.write(LOG_VARIANCE, logVariance, state);
        NetworkWeights.write(DECODER, decoder, state);
    }

    /**
     * Loads every array from {@code state}.
     *
     * @throws IllegalArgumentException naming a missing array, a shape mismatch or an extra array
     */
    void load(ModelState state) {
        NetworkWeights.load(Vae.NAME, ENCODER, encoder, state);
        NetworkWeights.load(Vae.NAME, MU, mu, state);
        NetworkWeights.load(Vae.NAME, LOG_VARIANCE, logVariance, state);
        NetworkWeights.load(Vae.NAME, DECODER, decoder, state);
    }

    /** Forgets training's gradients. */
    void dropGradients() {
        layers().forEach(NetworkWeights::dropGradients);
    }

    /** The four networks by the names their arrays are saved under: encoder, mu, log-variance, decoder. */
    List<Layer.Child> namedLayers() {
        return List.of(new Layer.Child("encoder", encoder), new Layer.Child("mu", mu),
                new Layer.Child("log-variance", logVariance), new Layer.Child("decoder", decoder));
    }

    private List<Layer> layers() {
        return List.of(encoder, mu, logVariance, decoder);
    }
}
