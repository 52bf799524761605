package dev.grove.generative.gan;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ArtifactWriter;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.SelfEvaluating;
import dev.grove.generative.image.ImageGrid;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.network.NetworkWeights;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A trained GAN: its generator makes new samples from noise (of a chosen class when conditional),
 * and its discriminator scores how real samples look. Immutable; safe to use from several threads.
 *
 * <p>Samples are float arrays in the data's sample layout (images {@code [channels, height, width]},
 * row-major) with values in [0, 1], the data's range: the generator's tanh output rescaled by
 * (g + 1) / 2 (the networks work in [−1, 1], see {@link GanNetworks}). Sampling is
 * deterministic: the noise of {@code generate(…, count, seed)} is {@code count × latent-dim}
 * standard normal values drawn in order from {@code new Rng(seed)}, so the same seed gives the same
 * samples bitwise, also after saving and loading, and a larger count extends a smaller one.
 *
 * <p>Figures on a split ({@link #evaluate}): {@code d-real}, the discriminator's mean probability
 * that the split's images are real, and {@code d-fake}, the same for as many generated images (of
 * the rows' classes when conditional). A run writes {@value #SAMPLES_FILE} ({@link #writeArtifacts}).
 */
public final class GanModel implements ArtifactWriter, SelfEvaluating {

    /** The file of the sample grid {@link #writeArtifacts} writes. */
    public static final String SAMPLES_FILE = "samples.png";
    /** Samples per class in a conditional model's grid (one row per class). */
    public static final int SAMPLES_PER_CLASS = 10;
    /** Rows and columns of an unconditional model's grid. */
    public static final int GRID_SIDE = 8;

    private static final int CHUNK = 256;
    private static final Pass INFERENCE = Pass.inference();

    private final GanParams params;
    private final Schema schema;
    private final GanNetworks networks;

    GanModel(GanParams params, Schema schema, GanNetworks networks) {
        this.params = params;
        this.schema = schema;
        this.networks = networks;
    }

    /**
     * Rebuilds a saved model: the networks from {@code params} and {@code schema}, their weights from
     * {@code state}.
     *
     * @throws IllegalArgumentException if the state's latent size, sample shape or classes differ from
     *                                  what params and schema give, or an array is missing or of
     *                                  another shape (naming expected and given)
     */
    public static GanModel restore(GanParams params, Schema schema, ModelState state) {
        expect(state, "latent-dim", String.valueOf(params.latentDim()), "the params' latent-dim");
        expect(state, "sample-shape", shapeText(schema.sampleShapeArray()), "the data's sample shape");
        expect(state, "classes", String.valueOf(params.conditional() ? schema.classLabels().size() : 0),
                params.conditional() ? "the data's number of classes" : "an unconditional gan");
        GanNetworks networks = GanNetworks.build(params, schema, new Rng(0));
        NetworkWeights.load(Gan.NAME, GanNetworks.GENERATOR_PREFIX, networks.generator(), state);
        NetworkWeights.load(Gan.NAME, GanNetworks.DISCRIMINATOR_PREFIX, networks.discriminator(), state);
        return new GanModel(params, schema, networks);
    }

    private static void expect(ModelState state, String attribute, String given, String source) {
        String saved = state.attribute(attribute);
        if (!saved.equals(given)) {
            throw new IllegalArgumentException("gan: the saved model has " + attribute + " " + saved + " but "
                    + source + " is " + given);
        }
    }

    private static String shapeText(int[] shape) {
        return Arrays.stream(shape).mapToObj(String::valueOf).collect(Collectors.joining("x"));
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The params it was trained with. */
    public GanParams params() {
        return params;
    }

    /**
     * The generator's arrays under {@code generator.}, the discriminator's under
     * {@code discriminator.}, and the attributes {@code latent-dim}, {@code sample-shape} and
     * {@code classes} (0 when unconditional) that {@link #restore} checks.
     */
    @Override
    public ModelState state() {
        ModelState.Builder state = ModelState.builder();
        NetworkWeights.write(GanNetworks.GENERATOR_PREFIX, networks.generator(), state);
        NetworkWeights.write(GanNetworks.DISCRIMINATOR_PREFIX, networks.discriminator(), state);
        return state.attribute("latent-dim", String.valueOf(networks.latentDim()))
                .attribute("sample-shape", shapeText(networks.sampleShape()))
                .attribute("classes", String.valueOf(networks.classes()))
                .build();
    }

    /** The size of the noise vector. */
    public int latentDim() {
        return networks.latentDim();
    }

    /** Whether samples can be asked for by class. */
    public boolean isConditional() {
        return networks.conditional();
    }

    /** The classes a conditional model generates (index i is class i); empty when unconditional. */
    public List<String> classLabels() {
        return isConditional() ? schema.classLabels() : List.of();
    }

    /** The shape of one sample, e.g. {@code [1, 28, 28]}. */
    public int[] sampleShape() {
        return networks.sampleShape();
    }

    /**
     * {@code count} samples from noise drawn with {@code seed}; a conditional model makes sample i of
     * class i mod K, so the classes take turns.
     *
     * @throws IllegalArgumentException if count is negative
     */
    public List<float[]> generate(int count, long seed) {
        int[] labels = null;
        if (isConditional()) {
            labels = new int[checkedCount(count)];
            for (int i = 0; i < count; i++) {
                labels[i] = i % networks.classes();
            }
        }
        return generate(labels, count, seed);
    }

    /**
     * {@code count} samples of class {@code classIndex} from noise drawn with {@code seed}.
     *
     * @throws IllegalArgumentException if the model is not conditional, the class is not one it knows
     *                                  (naming the known classes), or count is negative
     */
    public List<float[]> generate(int classIndex, int count, long seed) {
        requireConditional();
        if (classIndex < 0 || classIndex >= networks.classes()) {
            throw new IllegalArgumentException("gan: class index " + classIndex + " is not a class of this model; it knows "
                    + networks.classes() + " classes, indices 0 to " + (networks.classes() - 1) + ": " + knownClasses());
        }
        int[] labels = new int[checkedCount(count)];
        Arrays.fill(labels, classIndex);
        return generate(labels, count, seed);
    }

    /**
     * {@code count} samples of the class labelled {@code classLabel} (as the data's schema names it).
     *
     * @throws IllegalArgumentException if the model is not conditional or does not know the label
     *                                  (naming the known classes)
     */
    public List<float[]> generate(String classLabel, int count, long seed) {
        requireConditional();
        int index = schema.classLabels().indexOf(Objects.requireNonNull(classLabel, "classLabel"));
        if (index < 0) {
            throw new IllegalArgumentException("gan: class '" + classLabel + "' is not a class of this model; it knows "
                    + knownClasses());
        }
        return generate(index, count, seed);
    }

    private void requireConditional() {
        if (!isConditional()) {
            throw new IllegalArgumentException("gan: this model was trained with conditional: false, so it cannot"
                    + " generate a chosen class; use generate(count, seed)");
        }
    }

    private String knownClasses() {
        List<String> labels = schema.classLabels();
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < labels.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(i).append(": ").append(labels.get(i));
        }
        return out.append(']').toString();
    }

    private static int checkedCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("gan: the number of samples must be at least 0, got " + count);
        }
        return count;
    }

    /** Samples for {@code labels} (null when unconditional), in chunks of a fixed size so memory stays bounded. */
    private List<float[]> generate(int[] labels, int count, long seed) {
        checkedCount(count);
        int latent = networks.latentDim();
        float[] noise = Tensor.randn(new Rng(seed), Math.max(1, count), latent).toFloatArray();
        int size = networks.sampleSize();
        List<float[]> samples = new ArrayList<>(count);
        try (var off = Grad.off()) {
            for (int from = 0; from < count; from += CHUNK) {
                int rows = Math.min(CHUNK, count - from);
                Tensor chunk = Tensor.of(Arrays.copyOfRange(noise, from * latent, (from + rows) * latent), rows, latent);
                int[] chunkLabels = labels == null ? null : Arrays.copyOfRange(labels, from, from + rows);
                float[] values = networks.generate(chunk, chunkLabels, INFERENCE).toFloatArray();
                GanNetworks.toDataScale(values);
                for (int i = 0; i < rows; i++) {
                    samples.add(Arrays.copyOfRange(values, i * size, (i + 1) * size));
                }
            }
        }
        return samples;
    }

    /**
     * The discriminator's probability that each row of {@code data} is real (given the row's class
     * when conditional).
     *
     * @throws IllegalArgumentException if the rows are not of the model's sample shape, or a
     *                                  conditional model's data has no targets or other classes
     */
    public double[] realProbabilities(Dataset data) {
        checkData(data);
        int rows = data.rows();
        int[] shape = batchShape(0);
        double[] out = new double[rows];
        float[] buffer = new float[Math.min(CHUNK, Math.max(1, rows)) * networks.sampleSize()];
        try (var off = Grad.off()) {
            for (int from = 0; from < rows; from += CHUNK) {
                int count = Math.min(CHUNK, rows - from);
                int[] selected = new int[count];
                int[] labels = isConditional() ? new int[count] : null;
                for (int i = 0; i < count; i++) {
                    selected[i] = from + i;
                    if (labels != null) {
                        labels[i] = data.label(from + i);
                    }
                }
                data.rowsAsFloats(selected, buffer);
                shape[0] = count;
                float[] values = Arrays.copyOf(buffer, count * networks.sampleSize());
                GanNetworks.toNetworkScale(values);
                Tensor images = Tensor.of(values, shape);
                float[] logits = networks.discriminate(images, labels, INFERENCE).toFloatArray();
                for (int i = 0; i < count; i++) {
                    out[from + i] = sigmoid(logits[i]);
                }
            }
        }
        return out;
    }

    /** The discriminator's probability that each of {@code samples} is real (of the given classes when conditional). */
    private double[] realProbabilities(List<float[]> samples, int[] labels) {
        int size = networks.sampleSize();
        int[] shape = batchShape(0);
        double[] out = new double[samples.size()];
        try (var off = Grad.off()) {
            for (int from = 0; from < samples.size(); from += CHUNK) {
                int count = Math.min(CHUNK, samples.size() - from);
                float[] values = new float[count * size];
                for (int i = 0; i < count; i++) {
                    System.arraycopy(samples.get(from + i), 0, values, i * size, size);
                }
                GanNetworks.toNetworkScale(values);
                shape[0] = count;
                int[] chunkLabels = labels == null ? null : Arrays.copyOfRange(labels, from, from + count);
                float[] logits = networks.discriminate(Tensor.of(values, shape), chunkLabels, INFERENCE).toFloatArray();
                for (int i = 0; i < count; i++) {
                    out[from + i] = sigmoid(logits[i]);
                }
            }
        }
        return out;
    }

    private int[] batchShape(int batch) {
        int[] sample = networks.sampleShape();
        int[] shape = new int[sample.length + 1];
        shape[0] = batch;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return shape;
    }

    private static double sigmoid(float logit) {
        return 1 / (1 + Math.exp(-logit));
    }

    private void checkData(Dataset data) {
        int[] given = data.schema().sampleShapeArray();
        if (!Arrays.equals(given, networks.sampleShape())) {
            throw new IllegalArgumentException("gan: the model was trained on samples of shape "
                    + Arrays.toString(networks.sampleShape()) + ", got " + Arrays.toString(given));
        }
        if (isConditional()) {
            if (!data.hasTargets()) {
                throw new IllegalArgumentException("gan: a conditional model judges an image together with its class,"
                        + " but the data has no targets");
            }
            if (!data.schema().classLabels().equals(schema.classLabels())) {
                throw new IllegalArgumentException("gan: the model knows the classes " + schema.classLabels()
                        + " but the data has " + data.schema().classLabels());
            }
        }
    }

    /**
     * {@code d-real}: the discriminator's mean probability that the rows are real; {@code d-fake}: the
     * same for as many samples generated from {@code seed} (of the rows' classes when conditional).
     * A discriminator that cannot tell them apart gives both near 0.5.
     */
    @Override
    public Map<String, Double> evaluate(Dataset data, long seed) {
        double[] real = realProbabilities(data);
        int[] labels = isConditional() ? data.labels() : null;
        List<float[]> generated = labels == null ? generate(data.rows(), seed) : generate(labels, data.rows(), seed);
        double[] fake = realProbabilities(generated, labels);
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("d-real", mean(real));
        figures.put("d-fake", mean(fake));
        return figures;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }

    /**
     * Writes {@value #SAMPLES_FILE}: for a conditional model one row per class of
     * {@value #SAMPLES_PER_CLASS} samples, column j drawn from the same noise in every row (so a
     * column shows one "style" across classes); otherwise {@value #GRID_SIDE} × {@value #GRID_SIDE}
     * samples. Samples that are not images of 1 or 3 channels give no file.
     */
    @Override
    public List<String> writeArtifacts(Dataset data, Path directory, long seed) throws IOException {
        int[] shape = networks.sampleShape();
        if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3)) {
            return List.of();
        }
        List<float[]> images;
        int columns;
        if (isConditional()) {
            images = new ArrayList<>();
            for (int c = 0; c < networks.classes(); c++) {
                images.addAll(generate(c, SAMPLES_PER_CLASS, seed));
            }
            columns = SAMPLES_PER_CLASS;
        } else {
            images = generate(GRID_SIDE * GRID_SIDE, seed);
            columns = GRID_SIDE;
        }
        ImageGrid.write(directory.resolve(SAMPLES_FILE), images, shape[0], shape[1], shape[2], columns);
        return List.of(SAMPLES_FILE);
    }

    @Override
    public String toString() {
        return "GanModel[latent-dim " + latentDim() + ", samples " + Arrays.toString(sampleShape())
                + (isConditional() ? ", classes " + schema.classLabels() : "") + "]";
    }
}
