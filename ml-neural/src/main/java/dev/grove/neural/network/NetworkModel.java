package dev.grove.neural.network;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ArtifactWriter;
import dev.grove.api.model.ModelState;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.Layers;
import dev.grove.neural.layer.Padding;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A fitted network: a {@link NetworkLanguageModel} when it was trained for next-token prediction
 * on a token stream, a {@link NetworkMaskedModel} when it was trained to fill in masked tokens, else a {@link NetworkClassifier} when its schema is a classification, a
 * {@link NetworkRegressor} otherwise. Immutable once fitted (nothing outside holds its layers) and
 * safe for concurrent prediction: inference passes run without gradients and only read the weights.
 *
 * <p>Prediction runs in batches of {@value #INFERENCE_BATCH} rows. {@link #state()} holds every
 * parameter and buffer as a float32 array under its full name ({@code conv2d-1.weight},
 * {@code dense-2.bias}, {@code batch-norm-1.running-mean}), the attribute {@code parameters} (the
 * number of learned values) and, for a network that started from a saved model, the attributes
 * {@code init-from}, {@code init-from.loaded} and {@code init-from.fresh} (see {@link InitFrom}),
 * which a restored model keeps.
 *
 * <p>In a run, a network on token ids with attention layers writes {@value AttentionMaps#FILE}: the
 * attention weights of the shown split's first sentence (see {@link AttentionMaps}).
 */
public abstract sealed class NetworkModel implements ArtifactWriter permits NetworkClassifier, NetworkRegressor,
        NetworkLanguageModel, NetworkMaskedModel {

    /** Rows per inference batch: large enough for efficient matrix products, small enough to bound memory. */
    static final int INFERENCE_BATCH = 256;

    private final Schema schema;
    private final Layer network;
    private final Map<String, String> initialisation;

    NetworkModel(Schema schema, Layer network, Map<String, String> initialisation) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.network = Objects.requireNonNull(network, "network");
        this.initialisation = Map.copyOf(initialisation);
    }

    /**
     * The model answering {@code schema}'s task with the trained {@code network}, which it takes
     * over: the caller must not change or use it afterwards.
     *
     * @param initialisation attributes saying where the initial weights came from ({@code init-from…}), or none
     */
    static NetworkModel of(Schema schema, Layer network, Map<String, String> initialisation) {
        return of(schema, network, initialisation, 0, 0);
    }

    /**
     * As {@link #of(Schema, Layer, Map)} for a network trained on windows of {@code sequence} tokens
     * (0 for rows): a language model; or with a {@code mask} fraction above 0 a masked-token model
     * (of windows, or of rows of token ids).
     */
    static NetworkModel of(Schema schema, Layer network, Map<String, String> initialisation, int sequence, double mask) {
        NetworkWeights.dropGradients(network);
        if (mask > 0) {
            // Trained on rows of token ids, its windows are the rows.
            int length = sequence > 0 ? sequence : network.inputShape()[0];
            return new NetworkMaskedModel(schema, network, initialisation, length, mask);
        }
        if (sequence > 0) {
            return new NetworkLanguageModel(schema, network, initialisation, sequence);
        }
        return schema.isClassification()
                ? new NetworkClassifier(schema, network, initialisation)
                : new NetworkRegressor(schema, network, initialisation);
    }

    /**
     * Rebuilds a fitted model: builds {@code spec} for {@code schema}'s sample shape (sizes left to the
     * data resolved from {@code schema}, as the fit did) and loads every
     * parameter and buffer from {@code state}.
     *
     * @param component the estimator's name, for messages
     * @throws IllegalArgumentException if the layers do not fit the schema, or an array is missing, has
     *                                  another shape than the layers expect, or is not the network's
     */
    public static NetworkModel restore(String component, LayerSpec spec, Schema schema, ModelState state) {
        int sequence = sequence(component, state);
        Layer network = spec.forData(schema).build(sequence > 0 ? new int[] {sequence} : schema.sampleShapeArray(),
                new Rng(0));
        if (sequence == 0) {
            TaskOutput.check(component, network, schema, true);
        }
        NetworkWeights.load(component, network, state);
        Map<String, String> initialisation = new LinkedHashMap<>();
        state.attributes().forEach((name, value) -> {
            if (name.equals(InitFrom.ATTRIBUTE) || name.startsWith(InitFrom.ATTRIBUTE + ".")) {
                initialisation.put(name, value);
            }
        });
        return of(schema, network, initialisation, sequence, mask(component, state));
    }

    /** The masked fraction a masked-token model's state records, or 0. */
    private static double mask(String component, ModelState state) {
        String value = state.attributes().get(NetworkMaskedModel.MASK_ATTRIBUTE);
        if (value == null) {
            return 0;
        }
        try {
            double mask = Double.parseDouble(value);
            if (mask > 0 && mask < 1) {
                return mask;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new IllegalArgumentException(component + ": the saved attribute " + NetworkMaskedModel.MASK_ATTRIBUTE
                + " must be a fraction in (0, 1), found '" + value + "'");
    }

    /** The window length a language model's state records, or 0 for any other network. */
    private static int sequence(String component, ModelState state) {
        String value = state.attributes().get(NetworkLanguageModel.SEQUENCE_ATTRIBUTE);
        if (value == null) {
            return 0;
        }
        try {
            int sequence = Integer.parseInt(value);
            if (sequence > 0) {
                return sequence;
            }
        } catch (NumberFormatException e) {
            // Reported below with the value.
        }
        throw new IllegalArgumentException(component + ": the saved attribute " + NetworkLanguageModel.SEQUENCE_ATTRIBUTE
                + " must be a window length above 0, found '" + value + "'");
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The trained layers, for the subclasses' inference passes. */
    final Layer network() {
        return network;
    }

    /** The number of learned values (every parameter of every layer). */
    public long parameterCount() {
        return Layers.parameterCount(network);
    }

    /** The shape of one output sample, e.g. {@code [10]}. */
    public int[] outputShape() {
        return network.outputShape();
    }

    /** The number of values one output sample holds. */
    final int outputWidth() {
        return Math.toIntExact(Arrays.stream(network.outputShape()).asLongStream().reduce(1, Math::multiplyExact));
    }

    @Override
    public ModelState state() {
        ModelState.Builder state = NetworkWeights.write(network, ModelState.builder())
                .attribute("parameters", Long.toString(parameterCount()));
        new TreeMap<>(initialisation).forEach(state::attribute);
        kindAttributes().forEach(state::attribute);
        return state.build();
    }

    /**
     * Writes {@value AttentionMaps#FILE} when the network reads token ids and has attention layers;
     * otherwise writes nothing. Deterministic: an inference pass draws nothing, so the seed is unused.
     */
    @Override
    public List<String> writeArtifacts(Dataset data, Path directory, long seed) throws IOException {
        if (!schema.hasVocabulary() || data.rows() == 0) {
            return List.of();
        }
        AttentionMaps.Sentence sentence = firstSentence(data);
        if (sentence == null || sentence.shown().length == 0) {
            return List.of();
        }
        return AttentionMaps.write(network, sentence, schema.vocabulary(), directory);
    }

    /**
     * The first sentence of {@code data} as one input sample: its first row of token ids, the
     * padding left out of what is shown; or null when rows are not whole token-id sequences.
     */
    AttentionMaps.Sentence firstSentence(Dataset data) {
        int padId = Padding.padId(schema);
        // Rows must be whole network inputs (not a token stream cut into windows, as a masked model's may be).
        if (schema.sampleShapeArray().length != 1 || !Arrays.equals(schema.sampleShapeArray(), network.inputShape())) {
            return null;
        }
        checkColumns(data);
        float[] input = data.rowsAsFloats(new int[] {0}, new float[data.featureCount()]);
        int[] shown = IntStream.range(0, input.length).filter(i -> input[i] != padId).toArray();
        return new AttentionMaps.Sentence(input, Padding.of(Tensor.of(input.clone(), 1, input.length), padId), shown);
    }

    /** Attributes a kind of network adds to its state to be restored as that kind (e.g. its window length). */
    Map<String, String> kindAttributes() {
        return Map.of();
    }

    /**
     * The network's outputs for every row of {@code data}, row-major (rows × output size), computed
     * in inference mode in batches. Rows of padded token ids pass their padding to the layers
     * ({@link Padding}), as in training, so a sentence's prediction does not depend on how much
     * padding fills it up.
     *
     * @param beforeActivation whether to return the values before the final activation (logits)
     */
    final float[] outputs(Dataset data, boolean beforeActivation) {
        checkColumns(data);
        int rows = data.rows();
        int features = data.featureCount();
        int width = outputWidth();
        int[] sampleShape = schema.sampleShapeArray();
        float[] out = new float[Math.multiplyExact(rows, width)];
        Pass inference = Pass.inference();
        int padId = Padding.padId(schema);
        try (var off = Grad.off()) {
            for (int start = 0; start < rows; start += INFERENCE_BATCH) {
                int first = start;
                int batch = Math.min(INFERENCE_BATCH, rows - first);
                int[] selected = new int[batch];
                Arrays.setAll(selected, i -> first + i);
                int[] shape = new int[sampleShape.length + 1];
                shape[0] = batch;
                System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
                Tensor input = Tensor.of(data.rowsAsFloats(selected, new float[batch * features]), shape);
                Pass pass = inference.withPadding(Padding.of(input, padId));
                Tensor output = beforeActivation
                        ? network.forwardBeforeActivation(input, pass)
                        : network.forward(input, pass);
                System.arraycopy(output.toFloatArray(), 0, out, start * width, batch * width);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + Arrays.toString(schema.sampleShapeArray()) + " -> "
                + Arrays.toString(network.outputShape()) + ", " + parameterCount() + " parameters]";
    }
}
