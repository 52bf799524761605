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
 * The two networks of an autoencoder and their passes: the encoder (the configured layers, a
 * {@code flatten} and a linear dense head of {@code latent-dim} units) maps an image to its code,
 * the decoder (the configured layers and a dense layer of one sigmoid unit per pixel, or for a
 * convolutional decoder the configured layers alone, see {@link Architecture}) maps a code to the
 * logits of the reconstructed pixels. Saved under the prefixes {@code encoder.} and
 * {@code decoder.}.
 */
final class AutoencoderNetworks {

    private static final String ENCODER = "encoder.";
    private static final String DECODER = "decoder.";

    private final ImageShape image;
    private final boolean imageEncoder;
    private final Layer encoder;
    private final Layer decoder;

    private AutoencoderNetworks(ImageShape image, boolean imageEncoder, Layer encoder, Layer decoder) {
        this.image = image;
        this.imageEncoder = imageEncoder;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** The networks {@code params} describe for images of shape {@code image}, weights drawn from {@code rng}. */
    static AutoencoderNetworks build(AutoencoderParams params, ImageShape image, Rng rng) {
        boolean imageEncoder = Architecture.takesImages(params.encoder());
        int[] input = imageEncoder ? image.toArray() : new int[] {image.pixels()};
        Layer encoder = Architecture.encoderBody(Autoencoder.NAME, params.encoder(),
                Architecture.dense(params.latentDim(), "linear"), input, rng.derive("encoder"));
        Layer decoder = Architecture.decoder(Autoencoder.NAME, params.decoder(), params.latentDim(), image,
                rng.derive("decoder"));
        return new AutoencoderNetworks(image, imageEncoder, encoder, decoder);
    }

    /** The codes {@code [n, latent]} of a batch of images {@code [n, channels, height, width]}. */
    Tensor encode(Tensor images, Pass pass) {
        Tensor input = imageEncoder ? images : images.reshape(images.dim(0), image.pixels());
        return encoder.forward(input, pass);
    }

    /**
     * The logits {@code [n, pixels]} (dense decoder) or {@code [n, channels, height, width]}
     * (convolutional decoder) of the images decoded from {@code codes}.
     */
    Tensor decodeLogits(Tensor codes, Pass pass) {
        return decoder.forwardBeforeActivation(codes, pass);
    }

    /** Every parameter of both networks, encoder first. */
    List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(Layers.parameters(encoder).values());
        all.addAll(Layers.parameters(decoder).values());
        return all;
    }

    /** The number of learned values. */
    long parameterCount() {
        return Layers.parameterCount(encoder) + Layers.parameterCount(decoder);
    }

    /** Adds every array of both networks to {@code state}. */
    void write(ModelState.Builder state) {
        NetworkWeights.write(ENCODER, encoder, state);
        NetworkWeights.write(DECODER, decoder, state);
    }

    /**
     * Loads every array of both networks from {@code state}.
     *
     * @throws IllegalArgumentException naming a missing array, a shape mismatch or an extra array
     */
    void load(ModelState state) {
        NetworkWeights.load(Autoencoder.NAME, ENCODER, encoder, state);
        NetworkWeights.load(Autoencoder.NAME, DECODER, decoder, state);
    }

    /** The two networks by the names their arrays are saved under: encoder, decoder. */
    List<Layer.Child> namedLayers() {
        return List.of(new Layer.Child("encoder", encoder), new Layer.Child("decoder", decoder));
    }

    /** Forgets training's gradients. */
    void dropGradients() {
        NetworkWeights.dropGradients(encoder);
        NetworkWeights.dropGradients(decoder);
    }
}
