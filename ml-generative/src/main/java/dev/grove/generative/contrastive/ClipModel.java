package dev.grove.generative.contrastive;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ArtifactWriter;
import dev.grove.api.model.Classification;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.SelfEvaluating;
import dev.grove.neural.layer.Pass;
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

/**
 * A fitted contrastive image-text model. As a {@link Classifier} it classifies zero-shot: an image's
 * class is the one whose prompt ({@code prompts} filled in with the class word) has the most similar
 * embedding, and the probabilities are the softmax of the cosine similarities times the learned
 * logit scale, as CLIP does, so a run's accuracy metric is the zero-shot accuracy. It also embeds
 * images and text and classifies against any other prompts ({@link #zeroShot}).
 *
 * <p>Immutable and safe for concurrent use: inference runs without gradients and only reads the
 * weights. {@link #state()} holds both encoders' arrays and the logit scale (see
 * {@link ClipEncoders}) and the attributes {@code vocabulary} (the tokens in id order, separated by
 * spaces, {@code <unk>} first), {@code parameters} and {@code logit-scale}.
 */
public final class ClipModel implements Classifier, SelfEvaluating, ArtifactWriter {

    /** Rows per inference batch. */
    static final int INFERENCE_BATCH = 256;

    private static final Pass INFERENCE = Pass.inference();

    private final ClipParams params;
    private final Schema schema;
    private final ClassNames names;
    private final Vocabulary vocabulary;
    private final ClipEncoders encoders;
    private final float scale;
    private final List<String> classPrompts;
    /** The normalised prompt embedding of each class, row-major [classes, embedding-dim]. */
    private final float[] promptEmbeddings;

    /**
     * The model over trained {@code encoders}, which it takes over: the caller must not change them afterwards.
     *
     * @throws IllegalArgumentException if two classes' prompts read the same to the model (they differ
     *                                  only in words it does not know, or in word order)
     */
    ClipModel(ClipParams params, Schema schema, Vocabulary vocabulary, ClipEncoders encoders) {
        this.params = Objects.requireNonNull(params, "params");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.names = ClassNames.of(params.classWords(), schema);
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.encoders = Objects.requireNonNull(encoders, "encoders");
        this.scale = encoders.scaleValue();
        List<CaptionTemplate> templates = params.promptTemplates();
        int classes = names.count();
        int[][] ids = new int[classes * templates.size()][];
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            for (int t = 0; t < templates.size(); t++) {
                String prompt = templates.get(t).fill(names.words().get(k), names.labels().get(k));
                ids[k * templates.size() + t] = vocabulary.encode(prompt);
                if (t == 0) {
                    shown.add(prompt);
                }
            }
        }
        checkDistinct(ids, templates.size(), shown);
        this.classPrompts = List.copyOf(shown);
        this.promptEmbeddings = ensemble(embedTokenIds(ids), classes, templates.size(), params.embeddingDim());
    }

    /** Rebuilds a saved model from its params, the schema it was trained on and its state. */
    static ClipModel restore(ClipParams params, Schema schema, ModelState state) {
        Vocabulary vocabulary = Vocabulary.fromAttribute(state.attribute("vocabulary"));
        ClipEncoders encoders = ClipEncoders.build(params, schema, vocabulary.size(), new Rng(0));
        encoders.load(state);
        return new ClipModel(params, schema, vocabulary, encoders);
    }

    private void checkDistinct(int[][] ids, int perClass, List<String> shown) {
        int[] same = sameReading(ids, perClass, vocabulary.size());
        if (same != null) {
            throw new IllegalArgumentException("clip: the prompts of classes " + names.labels().get(same[0]) + " ('"
                    + shown.get(same[0]) + "') and " + names.labels().get(same[1]) + " ('" + shown.get(same[1])
                    + "') read the same to the model, which knows only the caption words "
                    + vocabulary.tokens().subList(1, vocabulary.size()) + "; use a slot the captions use too ({class} or {label})");
        }
    }

    /**
     * The first two groups of {@code perGroup} consecutive token sequences that the text encoder
     * reads the same (equal mean-pooling weights for every sequence: the same known words and
     * {@code <unk>} in the same proportions, whatever their order), or null when all differ.
     */
    private static int[] sameReading(int[][] ids, int perGroup, int vocabularySize) {
        float[] weights = TokenBags.of(ids, vocabularySize).toFloatArray();
        int width = perGroup * vocabularySize;
        int groups = ids.length / perGroup;
        for (int a = 0; a < groups; a++) {
            for (int b = a + 1; b < groups; b++) {
                if (Arrays.equals(weights, a * width, (a + 1) * width, weights, b * width, (b + 1) * width)) {
                    return new int[] {a, b};
                }
            }
        }
        return null;
    }

    /** The mean of each class's {@code perClass} prompt embeddings, normalised again. */
    private static float[] ensemble(float[] embeddings, int classes, int perClass, int dim) {
        float[] out = new float[classes * dim];
        for (int k = 0; k < classes; k++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                double sum = 0;
                for (int t = 0; t < perClass; t++) {
                    sum += embeddings[(k * perClass + t) * dim + d];
                }
                out[k * dim + d] = (float) sum;
                norm += sum * sum;
            }
            float inverse = (float) (1 / Math.sqrt(Math.max(norm, 1e-24)));
            for (int d = 0; d < dim; d++) {
                out[k * dim + d] *= inverse;
            }
        }
        return out;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    /** The vocabulary of the text encoder. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The logit scale (1 / temperature) the similarities are multiplied by before the softmax. */
    public float logitScale() {
        return scale;
    }

    /** The zero-shot prompt of each class (with several prompt templates, the first one's), in class order. */
    public List<String> classPrompts() {
        return classPrompts;
    }

    @Override
    public int[] predict(Dataset data) {
        return classify(data).classes();
    }

    @Override
    public double[][] predictProba(Dataset data) {
        return classify(data).probabilities();
    }

    /** Classes and probabilities from one pass of the image encoder. */
    @Override
    public Classification classify(Dataset data) {
        return scores(imageEmbeddings(data), promptEmbeddings, names.count());
    }

    /**
     * Classifies {@code images} among the candidates {@code prompts} (whole texts, one per candidate,
     * e.g. "a photo of a seven"): the answers are indices into {@code prompts}.
     *
     * @throws IllegalArgumentException if the images do not have the trained shape, there are fewer
     *                                  than two prompts, a prompt has no word the model knows, or two
     *                                  prompts read the same to it (they differ only in unknown words)
     */
    public Classification zeroShot(Dataset images, List<String> prompts) {
        if (prompts.size() < 2) {
            throw new IllegalArgumentException("clip: zero-shot classification needs at least two prompts to choose from, got "
                    + prompts.size());
        }
        int[][] ids = new int[prompts.size()][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.encode(prompts.get(i));
        }
        int[] same = sameReading(ids, 1, vocabulary.size());
        if (same != null) {
            throw new IllegalArgumentException("clip: prompts " + (same[0] + 1) + " ('" + prompts.get(same[0]) + "') and "
                    + (same[1] + 1) + " ('" + prompts.get(same[1]) + "') read the same to the model: they differ only in"
                    + " words it does not know (it knows " + vocabulary.tokens().subList(1, vocabulary.size()) + ")");
        }
        return scores(imageEmbeddings(images), embedTokenIds(ids), prompts.size());
    }

    /**
     * The L2-normalised embedding of every image of {@code images}, one row each.
     *
     * @throws IllegalArgumentException if the images do not have the shape the model was trained on
     */
    public float[][] embedImages(Dataset images) {
        float[] flat = imageEmbeddings(images);
        int dim = params.embeddingDim();
        float[][] out = new float[images.rows()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * dim, (i + 1) * dim);
        }
        return out;
    }

    /**
     * The L2-normalised embedding of {@code text}, whose unknown words count as {@code <unk>}.
     *
     * @throws IllegalArgumentException if no word of the text is in the vocabulary
     */
    public float[] embedText(String text) {
        return embedTokenIds(new int[][] {vocabulary.encode(text)});
    }

    /**
     * The symmetric InfoNCE loss on {@code data} (and its two terms), with one caption per image drawn
     * from {@code seed}'s stream and no word replaced, in batches of {@code batch-size} rows in order;
     * nothing for data without class targets.
     */
    @Override
    public Map<String, Double> evaluate(Dataset data, long seed) {
        checkImages(data);
        if (!data.hasTargets()) {
            return Map.of();
        }
        Captions captions = new Captions(params.captionTemplates(), names, vocabulary, 0);
        Rng draws = new Rng(seed).derive("clip-captions");
        double total = 0;
        double imageToText = 0;
        double textToImage = 0;
        int rows = data.rows();
        try (var off = Grad.off()) {
            for (int from = 0; from < rows; from += params.batchSize()) {
                int[] selected = range(from, Math.min(params.batchSize(), rows - from));
                int[] classes = new int[selected.length];
                Arrays.setAll(classes, i -> data.label(selected[i]));
                Tensor images = encoders.embedImages(imageBatch(data, selected), INFERENCE);
                Tensor texts = encoders.embedTexts(captions.draw(classes, draws.derive("batch-" + from), false), INFERENCE);
                ContrastiveLoss.Terms terms = ContrastiveLoss.symmetric(images, texts, encoders.scale(),
                        ContrastiveLoss.targets(classes, params.positivesKind()));
                total += (double) terms.total().item() * selected.length;
                imageToText += (double) terms.imageToText().item() * selected.length;
                textToImage += (double) terms.textToImage().item() * selected.length;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("info-nce", total / rows);
        out.put("image-to-text-loss", imageToText / rows);
        out.put("text-to-image-loss", textToImage / rows);
        return out;
    }

    /** Writes {@value ClipArtifacts#RETRIEVAL} and {@value ClipArtifacts#EMBEDDINGS} (see {@link ClipArtifacts}). */
    @Override
    public List<String> writeArtifacts(Dataset data, Path directory, long seed) throws IOException {
        checkImages(data);
        return ClipArtifacts.write(data, embedImages(data), promptEmbeddings, names.count(), directory);
    }

    @Override
    public ModelState state() {
        ModelState.Builder state = ModelState.builder();
        encoders.write(state);
        return state.attribute("vocabulary", vocabulary.toAttribute())
                .attribute("parameters", Long.toString(encoders.parameterCount()))
                .attribute("logit-scale", Float.toString(scale))
                .build();
    }

    /** Image embeddings of every row, row-major [rows, embedding-dim]. */
    private float[] imageEmbeddings(Dataset data) {
        checkImages(data);
        int rows = data.rows();
        int dim = params.embeddingDim();
        float[] out = new float[Math.multiplyExact(rows, dim)];
        try (var off = Grad.off()) {
            for (int from = 0; from < rows; from += INFERENCE_BATCH) {
                int[] selected = range(from, Math.min(INFERENCE_BATCH, rows - from));
                float[] batch = encoders.embedImages(imageBatch(data, selected), INFERENCE).toFloatArray();
                System.arraycopy(batch, 0, out, from * dim, batch.length);
            }
        }
        return out;
    }

    /** Text embeddings of token-id sequences, row-major [texts, embedding-dim]. */
    private float[] embedTokenIds(int[][] ids) {
        try (var off = Grad.off()) {
            return encoders.embedTexts(TokenBags.of(ids, vocabulary.size()), INFERENCE).toFloatArray();
        }
    }

    /** Classes and softmax probabilities of the scaled cosine similarities of images and candidate texts. */
    private Classification scores(float[] images, float[] texts, int candidates) {
        int dim = params.embeddingDim();
        int rows = images.length / dim;
        int[] classes = new int[rows];
        double[][] probabilities = new double[rows][candidates];
        double[] logits = new double[candidates];
        for (int i = 0; i < rows; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < candidates; k++) {
                double dot = 0;
                for (int d = 0; d < dim; d++) {
                    dot += (double) images[i * dim + d] * texts[k * dim + d];
                }
                logits[k] = scale * dot;
                if (logits[k] > max) {
                    max = logits[k];
                    classes[i] = k;
                }
            }
            double sum = 0;
            for (int k = 0; k < candidates; k++) {
                probabilities[i][k] = Math.exp(logits[k] - max);
                sum += probabilities[i][k];
            }
            for (int k = 0; k < candidates; k++) {
                probabilities[i][k] /= sum;
            }
        }
        return new Classification(classes, probabilities);
    }

    private Tensor imageBatch(Dataset data, int[] selected) {
        return imageBatch(data, selected, schema.sampleShapeArray());
    }

    /** The images of rows {@code selected} of {@code data} as a batch {@code [rows, sample...]}. */
    static Tensor imageBatch(Dataset data, int[] selected, int[] sample) {
        int[] shape = new int[sample.length + 1];
        shape[0] = selected.length;
        System.arraycopy(sample, 0, shape, 1, sample.length);
        return Tensor.of(data.rowsAsFloats(selected, new float[selected.length * data.featureCount()]), shape);
    }

    /**
     * Checks that the rows are images of the trained shape, or flat rows of as many values (a CSV
     * of the pixel columns), then that the columns match.
     */
    private void checkImages(Dataset data) {
        List<Integer> expected = schema.sampleShape();
        List<Integer> given = data.schema().sampleShape();
        boolean sameShape = expected.equals(given) || given.size() == 1;
        if (data.featureCount() != schema.featureCount() || !sameShape) {
            throw new IllegalArgumentException("clip: the model takes images of shape " + expected + " ("
                    + schema.featureCount() + " values per row), got rows of shape " + given + " ("
                    + data.featureCount() + " values)");
        }
        checkColumns(data);
    }

    private static int[] range(int from, int count) {
        int[] out = new int[count];
        Arrays.setAll(out, i -> from + i);
        return out;
    }
}
