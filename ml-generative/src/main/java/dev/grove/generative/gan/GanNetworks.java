package dev.grove.generative.gan;

import dev.grove.api.data.Schema;
import dev.grove.neural.layer.Conv2dSpec;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.layer.SequentialParams;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The generator and discriminator of a GAN, built for one sample shape, and how each is fed.
 *
 * <p>Both networks work on values rescaled from the data's [0, 1] to [−1, 1] ({@link #toNetworkScale}),
 * the range of the usual GAN recipe (Radford et al. 2016): fed [0, 1] pixels, whose background is
 * exactly 0, a discriminator in our MNIST runs overpowered the generator within the first epoch and
 * its samples collapsed to one saturated pattern, while the same networks on [−1, 1] trained well.
 *
 * <ul>
 *   <li>Generator: the noise z ({@code [batch, latent]}), with the one-hot class appended when
 *       conditional, through the hidden layers and a dense output of one unit per value of a sample
 *       with a tanh, reshaped to the sample shape: samples in [−1, 1].</li>
 *   <li>Discriminator: the image flat, with the one-hot class appended when conditional, or, when its
 *       first layer is {@code conv2d}, the image as {@code [channels, height, width]} with one
 *       constant plane per class appended to the channels (1 for the image's class, 0 elsewhere);
 *       then the hidden layers and a dense output of one logit.</li>
 * </ul>
 */
final class GanNetworks {

    /** The prefix of the generator's arrays in a saved model. */
    static final String GENERATOR_PREFIX = "generator.";
    /** The prefix of the discriminator's arrays in a saved model. */
    static final String DISCRIMINATOR_PREFIX = "discriminator.";

    private final Layer generator;
    private final Layer discriminator;
    private final int[] sampleShape;
    private final int sampleSize;
    private final int latentDim;
    private final int classes;
    private final boolean imageInput;

    private GanNetworks(Layer generator, Layer discriminator, int[] sampleShape, int latentDim, int classes,
                        boolean imageInput) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.sampleShape = sampleShape;
        this.sampleSize = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        this.latentDim = latentDim;
        this.classes = classes;
        this.imageInput = imageInput;
    }

    /**
     * Both networks for samples of {@code schema}, weights drawn from {@code rng}.
     *
     * @throws IllegalArgumentException if a conditional GAN's data has no classes, or the layers do
     *                                  not fit the input they are given (naming the network and layer)
     */
    static GanNetworks build(GanParams params, Schema schema, Rng rng) {
        if (params.conditional() && !schema.isClassification()) {
            throw new IllegalArgumentException("gan: conditional: true needs data with classes to condition on, but the"
                    + " data has " + (schema.hasTarget() ? "a numeric target '" + schema.targetName() + "'" : "no target"));
        }
        int[] sampleShape = schema.sampleShapeArray();
        int sampleSize = Arrays.stream(sampleShape).reduce(1, Math::multiplyExact);
        int classes = params.conditional() ? schema.classLabels().size() : 0;
        boolean imageInput = !params.discriminator().isEmpty()
                && params.discriminator().get(0).kind().equals(Conv2dSpec.KIND);
        if (imageInput && sampleShape.length != 3) {
            throw new IllegalArgumentException("gan: the discriminator starts with conv2d, which needs images"
                    + " [channels, height, width], but the samples are " + Arrays.toString(sampleShape));
        }
        Layer generator = build("generator", params.generator(), new DenseSpec(DenseParams.of(sampleSize, "tanh")),
                new int[] {params.latentDim() + classes}, rng.derive("generator"));
        if (!Arrays.equals(generator.outputShape(), new int[] {sampleSize})) {
            throw new IllegalArgumentException("gan: the generator's hidden layers must end flat, so its output layer"
                    + " gives one value per pixel (" + sampleSize + "), but they give " + Arrays.toString(generator.outputShape())
                    + " per sample");
        }
        int[] discriminatorInput = imageInput
                ? new int[] {sampleShape[0] + classes, sampleShape[1], sampleShape[2]}
                : new int[] {sampleSize + classes};
        Layer discriminator = build("discriminator", params.discriminator(), new DenseSpec(DenseParams.of(1, "linear")),
                discriminatorInput, rng.derive("discriminator"));
        if (!Arrays.equals(discriminator.outputShape(), new int[] {1})) {
            throw new IllegalArgumentException("gan: the discriminator's hidden layers must end flat (add flatten after"
                    + " convolutions), so its output is one logit per image, but it gives "
                    + Arrays.toString(discriminator.outputShape()) + " per image");
        }
        return new GanNetworks(generator, discriminator, sampleShape, params.latentDim(), classes, imageInput);
    }

    private static Layer build(String network, List<LayerSpec> hidden, LayerSpec output, int[] input, Rng rng) {
        List<LayerSpec> layers = new ArrayList<>(hidden);
        layers.add(output);
        try {
            return new SequentialSpec(new SequentialParams(layers)).build(input, rng);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gan: " + network + " (input " + Arrays.toString(input) + "): "
                    + e.getMessage(), e);
        }
    }

    /** The generator's layers. */
    Layer generator() {
        return generator;
    }

    /** The discriminator's layers. */
    Layer discriminator() {
        return discriminator;
    }

    /** The generator's parameters, in walk order. */
    List<Parameter> generatorParameters() {
        return List.copyOf(Layers.parameters(generator).values());
    }

    /** The discriminator's parameters, in walk order. */
    List<Parameter> discriminatorParameters() {
        return List.copyOf(Layers.parameters(discriminator).values());
    }

    /** The shape of one sample. */
    int[] sampleShape() {
        return sampleShape.clone();
    }

    /** The number of values in one sample. */
    int sampleSize() {
        return sampleSize;
    }

    /** The size of the noise vector. */
    int latentDim() {
        return latentDim;
    }

    /** The number of classes conditioned on, 0 when unconditional. */
    int classes() {
        return classes;
    }

    /** Whether the networks see the class. */
    boolean conditional() {
        return classes > 0;
    }

    /** Rescales data values in place from [0, 1] to the networks' [−1, 1]: v ↦ 2v − 1. */
    static void toNetworkScale(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = 2f * values[i] - 1f;
        }
    }

    /** Rescales generated values in place from the networks' [−1, 1] to the data's [0, 1]: v ↦ (v + 1) / 2. */
    static void toDataScale(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = 0.5f * values[i] + 0.5f;
        }
    }

    /**
     * Generated samples {@code [batch, sampleShape...]} in [−1, 1] (the networks' scale) for {@code noise} ({@code [batch, latent]})
     * and, when conditional, the class of each (ignored, and may be null, otherwise).
     */
    Tensor generate(Tensor noise, int[] labels, Pass pass) {
        int batch = noise.dim(0);
        Tensor input = conditional() ? Tensor.concat(1, noise, oneHot(labels)) : noise;
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = batch;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return generator.forward(input, pass).reshape(shape);
    }

    /**
     * The discriminator's logits {@code [batch]} for {@code samples} ({@code [batch, sampleShape...]},
     * in the networks' scale [−1, 1]) and, when conditional, the class of each.
     */
    Tensor discriminate(Tensor samples, int[] labels, Pass pass) {
        int batch = samples.dim(0);
        Tensor input;
        if (imageInput) {
            input = conditional() ? Tensor.concat(1, samples, classPlanes(labels)) : samples;
        } else {
            Tensor flat = samples.reshape(batch, sampleSize);
            input = conditional() ? Tensor.concat(1, flat, oneHot(labels)) : flat;
        }
        return discriminator.forward(input, pass).reshape(batch);
    }

    /** {@code [batch, classes]}: 1 at each row's class. */
    private Tensor oneHot(int[] labels) {
        float[] values = new float[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            values[i * classes + labels[i]] = 1f;
        }
        return Tensor.of(values, labels.length, classes);
    }

    /** {@code [batch, classes, height, width]}: the plane of each row's class all 1, the others 0. */
    private Tensor classPlanes(int[] labels) {
        int plane = sampleShape[1] * sampleShape[2];
        float[] values = new float[labels.length * classes * plane];
        for (int i = 0; i < labels.length; i++) {
            Arrays.fill(values, (i * classes + labels[i]) * plane, (i * classes + labels[i] + 1) * plane, 1f);
        }
        return Tensor.of(values, labels.length, classes, sampleShape[1], sampleShape[2]);
    }
}
