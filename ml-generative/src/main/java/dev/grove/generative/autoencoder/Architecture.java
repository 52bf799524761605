package dev.grove.generative.autoencoder;

import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.layer.InceptionSpec;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Pool2dSpec;
import dev.grove.neural.layer.ReshapeSpec;
import dev.grove.neural.layer.ResidualSpec;
import dev.grove.neural.layer.SequentialParams;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.tensor.Rng;
import java.util.ArrayList;
import java.util.Arrays;
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
 *   <li>The decoder takes the flat code. A decoder without a {@code reshape} (dense layers) works
 *       on flat vectors: the model adds its output layer, a {@code dense} with one sigmoid unit per
 *       pixel, whose values before the sigmoid are the logits the losses take; the flat output is
 *       then viewed as images. A decoder with a {@code reshape} is convolutional (e.g. dense,
 *       reshape to [32, 7, 7], upsample2d, conv2d, …, conv2d of one filter per image channel): it
 *       must itself output the image {@code [channels, height, width]}, nothing is added, and its
 *       output (before a final sigmoid, if it ends in one) is taken as the logits.</li>
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
     * Whether a decoder of {@code layers} outputs the image itself: it holds a {@code reshape}, which
     * turns the flat code into feature maps for the convolution and upsampling layers after it.
     */
    static boolean outputsImages(List<LayerSpec> layers) {
        return layers.stream().anyMatch(layer -> layer.kind().equals(ReshapeSpec.KIND));
    }

    /**
     * The decoder on the flat code of {@code inputs} values. A dense decoder is {@code layers} then
     * a dense layer of one sigmoid unit per pixel of {@code image}; a convolutional decoder (see
     * {@link #outputsImages}) is {@code layers} alone and must output {@code image}'s shape.
     *
     * @throws IllegalArgumentException naming the component when a layer does not fit its input, or
     *                                  a convolutional decoder's output is not the image or ends in
     *                                  an activation other than sigmoid
     */
    static Layer decoder(String component, List<LayerSpec> layers, int inputs, ImageShape image, Rng rng) {
        return outputsImages(layers) ? imageDecoder(component, layers, inputs, image, rng)
                : denseDecoder(component, layers, inputs, image.pixels(), rng);
    }

    private static Layer denseDecoder(String component, List<LayerSpec> layers, int inputs, int pixels, Rng rng) {
        List<LayerSpec> all = new ArrayList<>(layers);
        all.add(dense(pixels, "sigmoid"));
        try {
            return new SequentialSpec(new SequentialParams(all)).build(new int[] {inputs}, rng);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + " decoder: " + e.getMessage() + " (the decoder takes the flat"
                    + " latent code of " + inputs + " values and works on flat vectors, e.g. dense layers; it ends in a dense"
                    + " layer of " + pixels + " sigmoid units that the model adds; a convolutional decoder starts with a"
                    + " reshape of the code to [channels, height, width])", e);
        }
    }

    private static Layer imageDecoder(String component, List<LayerSpec> layers, int inputs, ImageShape image, Rng rng) {
        Layer decoder;
        try {
            decoder = new SequentialSpec(new SequentialParams(layers)).build(new int[] {inputs}, rng);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(component + " decoder: " + e.getMessage() + " (the decoder takes the flat"
                    + " latent code of " + inputs + " values; with a reshape it is convolutional and must output the image "
                    + Arrays.toString(image.toArray()) + ")", e);
        }
        int[] output = decoder.outputShape();
        if (!Arrays.equals(output, image.toArray())) {
            throw new IllegalArgumentException(component + " decoder: a convolutional decoder (one with a reshape) must"
                    + " output the image shape " + Arrays.toString(image.toArray()) + ", but its layers output "
                    + Arrays.toString(output) + "; end it with a layer that gives the image, e.g. conv2d: {filters: "
                    + image.channels() + ", kernel: 3, padding: same}, and upsample the feature maps to "
                    + image.height() + " x " + image.width());
        }
        String activation = decoder.finalActivation();
        if (!activation.equals("linear") && !activation.equals("sigmoid")) {
            throw new IllegalArgumentException(component + " decoder: a convolutional decoder's output is taken as the"
                    + " pixel logits (the model applies the sigmoid), so its last layer must be linear or sigmoid, got "
                    + activation);
        }
        return decoder;
    }

    /** A dense layer of {@code units} with {@code activation} and the default initialisation. */
    static DenseSpec dense(int units, String activation) {
        return new DenseSpec(DenseParams.of(units, activation));
    }
}
