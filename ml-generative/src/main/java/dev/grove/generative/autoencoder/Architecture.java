package dev.grove.generative.autoencoder;

import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.layer.InceptionSpec;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Pool2dSpec;
import dev.grove.neural.layer.ResidualSpec;
import dev.grove.neural.layer.SequentialParams;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How the encoder and decoder layer lists of an autoencoder or VAE become networks.
 *
 * <ul>
 *   <li>An encoder whose first layer takes images ({@code conv2d}, {@code max-pool2d},
 *       {@code avg-pool2d}, {@code residual}, {@code inception}) sees each image as
 *       {@code [channels, height, width]}; any other encoder (dense layers, or none) sees it flat,
 *       {@code [channels · height · width]}. A {@code dense} layer maps the last axis of its input,
 *       so a convolutional encoder needs a {@code flatten} before its dense layers, as a network
 *       does. A {@code flatten} ends the encoder body, so its output is a flat feature vector that
 *       the latent head(s) map to the code.</li>
 *   <li>The decoder takes the flat code and works on flat vectors: the neural family has no reshape,
 *       upsampling or transposed-convolution layer, so a decoder holds dense-style layers. The
 *       model adds its output layer, a {@code dense} with one sigmoid unit per pixel, whose values
 *       before the sigmoid are the logits the losses take; the flat output is then viewed as
 *       images.</li>
 * </ul>
 */
final class Architecture {

    /** First-layer kinds that make an encoder convolutional (it sees images, not flat vectors). */
    static final Set<String> IMAGE_LAYERS = Set.of(Conv2dSpec.KIND, Pool2dSpec.MAX, Pool2dSpec.AVG, ResidualSpec.KIND,
            InceptionSpec.KIND);

    private Architecture() {
    }

    /** Whether an encoder of {@code layers} sees images rather than flat vectors. */
    static boolean takesImages(List<LayerSpec> layers) {
        return !layers.isEmpty() && IMAGE_LAYERS.contains(layers.get(0).kind());
    }

    /**
     * The encoder body: {@code layers} then a {@code flatten}, built for {@code inputShape} with
     * weights from {@code rng}.
     *
     * @throws IllegalArgumentException naming the component when a layer does not fit its input
     */
    static Layer encoderBody(String component, List<LayerSpec> layers, LayerSpec head, int[] inputShape, Rng rng) {
        List<LayerSpec> all = new ArrayList<>(layers);
        all.add(new FlattenSpec());
        if (head != null) {
            all.add(head);
        }
        try {
            return new SequentialSpec(new SequentialParams(all)).build(inputShape, rng);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + " encoder: " + e.getMessage(), e);
        }
    }

    /**
     * The decoder: {@code layers} on the flat code of {@code inputs} values, then a dense layer of
     * {@code pixels} sigmoid units.
     *
     * @throws IllegalArgumentException naming the component when a layer does not take flat vectors
     */
    static Layer decoder(String component, List<LayerSpec> layers, int inputs, int pixels, Rng rng) {
        List<LayerSpec> all = new ArrayList<>(layers);
        all.add(dense(pixels, "sigmoid"));
        try {
            return new SequentialSpec(new SequentialParams(all)).build(new int[] {inputs}, rng);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + " decoder: " + e.getMessage() + " (the decoder takes the flat"
                    + " latent code of " + inputs + " values and works on flat vectors, e.g. dense layers; it ends in a dense"
                    + " layer of " + pixels + " sigmoid units that the model adds)", e);
        }
    }

    /** A dense layer of {@code units} with {@code activation} and the default initialisation. */
    static DenseSpec dense(int units, String activation) {
        return new DenseSpec(DenseParams.of(units, activation));
    }
}
