package dev.grove.generative.contrastive;

import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.layer.SequentialParams;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.network.NetworkWeights;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The learned parts of the contrastive model: the image encoder, the text encoder and the logit
 * scale. Their arrays are saved under {@value #IMAGE_PREFIX} (e.g. {@code image-encoder.dense-2.weight}),
 * {@value #TEXT_PREFIX} ({@code text-encoder.token-embeddings}, {@code text-encoder.layers.dense-1.weight})
 * and {@value #LOG_SCALE} (the natural log of the scale, the quantity CLIP learns).
 */
final class ClipEncoders {

    /** Name prefix of the image encoder's arrays. */
    static final String IMAGE_PREFIX = "image-encoder.";
    /** Name prefix of the text encoder's arrays. */
    static final String TEXT_PREFIX = "text-encoder.";
    /** Name of the array holding ln(logit scale). */
    static final String LOG_SCALE = "log-logit-scale";
    /** CLIP's initial temperature. */
    static final double INITIAL_TEMPERATURE = 0.07;
    /** CLIP's largest logit scale: ln(scale) is clamped to ln 100 after every step. */
    static final double MAX_SCALE = 100;

    private static final String COMPONENT = "clip";

    private final Layer image;
    private final TextEncoderLayer text;
    private final Parameter logScale;
    private final boolean learnedScale;

    private ClipEncoders(Layer image, TextEncoderLayer text, Parameter logScale, boolean learnedScale) {
        this.image = image;
        this.text = text;
        this.logScale = logScale;
        this.learnedScale = learnedScale;
    }

    /**
     * Both encoders for images of {@code schema}'s sample shape and a vocabulary of
     * {@code vocabularySize} tokens, with initial weights from {@code rng}, and the logit scale at
     * 1/0.07 (learned) or 1/temperature (fixed).
     *
     * @throws IllegalArgumentException naming the encoder whose layers do not fit their input
     */
    static ClipEncoders build(ClipParams params, Schema schema, int vocabularySize, Rng rng) {
        DenseSpec projection = new DenseSpec(new DenseParams(params.embeddingDim(), "linear", false, "glorot-uniform", 0, 0, null));
        List<LayerSpec> imageLayers = new ArrayList<>(params.imageEncoder());
        imageLayers.add(new FlattenSpec());
        imageLayers.add(projection);
        Layer image = build("image-encoder", imageLayers, schema, schema.sampleShapeArray(), params.embeddingDim(),
                rng.derive("image-encoder"));
        List<LayerSpec> textLayers = new ArrayList<>(params.textEncoder());
        textLayers.add(projection);
        Layer layers = build("text-encoder", textLayers, schema, new int[] {params.tokenDim()}, params.embeddingDim(),
                rng.derive("text-encoder"));
        Tensor embeddings = Tensor.randn(rng.derive("token-embeddings"), vocabularySize, params.tokenDim());
        TextEncoderLayer text = new TextEncoderLayer(new Parameter("token-embeddings", embeddings), layers);
        boolean learned = params.temperature() == 0;
        double temperature = learned ? INITIAL_TEMPERATURE : params.temperature();
        Parameter logScale = new Parameter(LOG_SCALE, Tensor.of(new float[] {(float) Math.log(1 / temperature)}, 1));
        return new ClipEncoders(image, text, logScale, learned);
    }

    private static Layer build(String encoder, List<LayerSpec> layers, Schema schema, int[] input, int embeddingDim, Rng rng) {
        Layer built;
        try {
            built = new SequentialSpec(new SequentialParams(layers)).forData(schema).build(input, rng);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clip: " + encoder + " on input " + Arrays.toString(input) + ": "
                    + e.getMessage(), e);
        }
        if (!Arrays.equals(built.outputShape(), new int[] {embeddingDim})) {
            throw new IllegalArgumentException("clip: " + encoder + " must give flat [features] to its projection to ["
                    + embeddingDim + "], but its layers give " + Arrays.toString(built.outputShape())
                    + " per sample (end them with a flatten or dense layer)");
        }
        return built;
    }

    /** The image encoder (sample shape → {@code [embedding-dim]}). */
    Layer image() {
        return image;
    }

    /** The text encoder (mean-pooling weights {@code [vocabulary]} → {@code [embedding-dim]}). */
    TextEncoderLayer text() {
        return text;
    }

    /** The L2-normalised embeddings of a batch of images {@code [batch, sample shape...]}. */
    Tensor embedImages(Tensor images, Pass pass) {
        return ContrastiveLoss.normalise(image.forward(images, pass));
    }

    /** The L2-normalised embeddings of texts given as mean-pooling weights {@code [batch, vocabulary]}. */
    Tensor embedTexts(Tensor bags, Pass pass) {
        return ContrastiveLoss.normalise(text.forward(bags, pass));
    }

    /** The logit scale (1 / temperature) as a one-value tensor in the graph: exp of the learned log. */
    Tensor scale() {
        return logScale.value().exp();
    }

    /** The current logit scale as a number. */
    float scaleValue() {
        return (float) Math.exp(logScale.value().item());
    }

    /** Whether the logit scale is learned (or fixed by {@code temperature}). */
    boolean learnedScale() {
        return learnedScale;
    }

    /** What the optimizer updates: every encoder parameter, and the log scale when it is learned. */
    List<Parameter> trainable() {
        List<Parameter> out = new ArrayList<>(Layers.parameters(image).values());
        out.addAll(Layers.parameters(text).values());
        if (learnedScale) {
            out.add(logScale);
        }
        return out;
    }

    /** Keeps a learned scale in [1, 100] after an optimizer step, as CLIP clamps its logit scale. */
    void clampScale() {
        if (learnedScale) {
            try (var off = Grad.off()) {
                logScale.value().copyFrom(logScale.value().clamp(0f, (float) Math.log(MAX_SCALE)));
            }
        }
    }

    /** The number of learned values of both encoders (the scale not counted). */
    long parameterCount() {
        return Layers.parameterCount(image) + Layers.parameterCount(text);
    }

    /** Forgets training's gradients. */
    void dropGradients() {
        NetworkWeights.dropGradients(image);
        NetworkWeights.dropGradients(text);
        logScale.value().zeroGrad();
    }

    /** Adds every array to {@code state}. */
    void write(ModelState.Builder state) {
        NetworkWeights.write(IMAGE_PREFIX, image, state);
        NetworkWeights.write(TEXT_PREFIX, text, state);
        Tensor value = logScale.value();
        state.add(LOG_SCALE, new ModelState.Array(null, value.toFloatArray(), value.shape()));
    }

    /**
     * Loads every array from {@code state}.
     *
     * @throws IllegalArgumentException naming a missing array, a shape that does not match (expected
     *                                  and saved) or an array the model does not have
     */
    void load(ModelState state) {
        NetworkWeights.load(COMPONENT, IMAGE_PREFIX, image, state);
        NetworkWeights.load(COMPONENT, TEXT_PREFIX, text, state);
        ModelState.Array saved = state.arrays().get(LOG_SCALE);
        if (saved == null || !Arrays.equals(saved.shape(), new int[] {1})) {
            throw new IllegalArgumentException(COMPONENT + ": the saved state needs the array '" + LOG_SCALE + "' of shape [1], "
                    + (saved == null ? "found none" : "found shape " + Arrays.toString(saved.shape())));
        }
        NetworkWeights.copy(saved, logScale.value());
    }
}
