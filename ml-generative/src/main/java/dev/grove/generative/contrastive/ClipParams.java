package dev.grove.generative.contrastive;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.OfKind;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Kind;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.FlattenSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.optim.OptimizerSpec;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Params of {@code clip}, a CLIP-style contrastive image-text model trained on captions built from
 * class labels, which classifies images zero-shot by their similarity to prompts.
 *
 * @param imageEncoder layers of the image encoder, from the data's sample shape; a {@code flatten}
 *                     and a linear projection (no bias) to {@code embeddingDim} are appended
 * @param textEncoder  layers of the text encoder after the mean of a text's token embeddings
 *                     ({@code [tokenDim]}); a linear projection (no bias) to {@code embeddingDim} is appended
 * @param tokenDim     size of each word's embedding
 * @param embeddingDim size of the shared space both encoders map into (L2-normalised there)
 * @param temperature  0: the logit scale 1/temperature is learned, starting at 1/0.07 and kept in
 *                     [1, 100] as CLIP; above 0: the temperature is fixed at this value
 * @param positives    {@code class}: every caption of the image's class in the batch is a match
 *                     (targets spread evenly over them); {@code pair}: only the image's own caption, as CLIP
 * @param classWords   the word(s) naming each class, in label order (null: the labels themselves)
 * @param captions     caption templates, one drawn per sample and step; {@code {class}} is the class
 *                     word, {@code {label}} the label as written in the data
 * @param prompts      the template(s) of the zero-shot prompts; with several, a class's prompt
 *                     embedding is the normalised mean of their embeddings (prompt ensembling)
 * @param unknownRate  probability that a fixed (non-class) word of a training caption is replaced by
 *                     the unknown-word token, which teaches the encoder to read words it never saw
 * @param optimizer    the optimizer over both encoders and the logit scale
 * @param epochs       passes over the training images
 * @param batchSize    (image, caption) pairs per batch: the candidates each image is contrasted with
 */
public record ClipParams(
        @Doc("Layers of the image encoder; a flatten and a linear projection to embedding-dim are appended")
        @Default("[flatten, {dense: {units: 256, activation: relu}}]") @OfKind(Kind.LAYER) List<LayerSpec> imageEncoder,
        @Doc("Layers of the text encoder after the mean of the token embeddings; a linear projection to embedding-dim"
                + " is appended")
        @Default("[{dense: {units: 128, activation: relu}}]") @OfKind(Kind.LAYER) List<LayerSpec> textEncoder,
        @Doc("Size of each word's token embedding") @Default("64") @Min(1) int tokenDim,
        @Doc("Size of the shared embedding space of images and text") @Default("64") @Min(1) int embeddingDim,
        @Doc("0: learn the logit scale 1/temperature (from 1/0.07, kept in [1, 100], as CLIP); above 0: this fixed"
                + " temperature") @Default("0.0") @Min(0) double temperature,
        @Doc("Matches of an image in a batch: class (every caption of its class, targets shared) or pair (its own"
                + " caption only, as CLIP)") @Default("class") @OneOf({"class", "pair"}) String positives,
        @Doc("The word(s) naming each class, in label order, e.g. [zero, one, ...]; omitted: the labels themselves")
        @Default("null") List<String> classWords,
        @Doc("Caption templates, one drawn per sample per step; {class} is the class word, {label} the label as in the"
                + " data") @Default("['a photo of the number {class}', 'an image of a {label}', 'a handwritten {class}']")
        List<String> captions,
        @Doc("Zero-shot prompt template(s); several are averaged (prompt ensembling)")
        @Default("['a picture showing the digit {class}']") List<String> prompts,
        @Doc("Probability that a non-class word of a training caption is replaced by the unknown-word token")
        @Default("0.1") @Min(0) @Max(value = 1, exclusive = true) double unknownRate,
        @Doc("The optimizer, e.g. {adam: {lr: 0.001}}") @Default("adam") @OfKind(Kind.OPTIMIZER) OptimizerSpec optimizer,
        @Doc("Passes over the training images") @Default("10") @Min(1) int epochs,
        @Doc("(image, caption) pairs per batch") @Default("128") @Min(2) int batchSize) {

    /** Validates every param, templates included. */
    public ClipParams {
        imageEncoder = List.copyOf(Objects.requireNonNull(imageEncoder, "clip: image-encoder"));
        textEncoder = List.copyOf(Objects.requireNonNull(textEncoder, "clip: text-encoder"));
        Objects.requireNonNull(optimizer, "clip: optimizer");
        Params.atLeast("token-dim", tokenDim, 1, false);
        Params.atLeast("embedding-dim", embeddingDim, 1, false);
        Params.atLeast("temperature", temperature, 0, false);
        if (Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite, got " + temperature);
        }
        ContrastiveLoss.Positives.named(positives);
        classWords = classWords == null ? null : List.copyOf(classWords);
        captions = List.copyOf(Objects.requireNonNull(captions, "clip: captions"));
        prompts = List.copyOf(Objects.requireNonNull(prompts, "clip: prompts"));
        if (captions.isEmpty()) {
            throw new IllegalArgumentException("clip: captions needs at least one template, e.g. ['a photo of the number {class}']");
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("clip: prompts needs at least one template, e.g. ['a picture of the digit {class}']");
        }
        templates(captions, "captions");
        templates(prompts, "prompts");
        Params.atLeast("unknown-rate", unknownRate, 0, false);
        Params.atMost("unknown-rate", unknownRate, 1, true);
        Params.atLeast("epochs", epochs, 1, false);
        Params.atLeast("batch-size", batchSize, 2, false);
    }

    /**
     * The documented defaults: a 784-256 relu image encoder, a 128 relu text encoder, 64-wide token and
     * shared embeddings, a learned temperature, class positives, the labels as class words, three
     * caption phrasings and the prompt "a picture showing the digit {class}", Adam at 1e-3, 10 epochs
     * of 128 pairs.
     */
    public static ClipParams defaults() {
        return new ClipParams(List.of(new FlattenSpec(), new DenseSpec(DenseParams.of(256, "relu"))),
                List.of(new DenseSpec(DenseParams.of(128, "relu"))), 64, 64, 0.0, "class", null,
                List.of("a photo of the number {class}", "an image of a {label}", "a handwritten {class}"),
                List.of("a picture showing the digit {class}"), 0.1, new Adam(AdamParams.defaults()), 10, 128);
    }

    /** The parsed caption templates. */
    List<CaptionTemplate> captionTemplates() {
        return templates(captions, "captions");
    }

    /** The parsed prompt templates. */
    List<CaptionTemplate> promptTemplates() {
        return templates(prompts, "prompts");
    }

    /** What counts as a match in a batch. */
    ContrastiveLoss.Positives positivesKind() {
        return ContrastiveLoss.Positives.named(positives);
    }

    private static List<CaptionTemplate> templates(List<String> texts, String what) {
        return IntStream.range(0, texts.size())
                .mapToObj(i -> CaptionTemplate.parse(texts.get(i), what + "[" + (i + 1) + "]")).toList();
    }

    /** A copy with other image-encoder layers. */
    public ClipParams withImageEncoder(List<LayerSpec> value) {
        return new ClipParams(value, textEncoder, tokenDim, embeddingDim, temperature, positives, classWords, captions,
                prompts, unknownRate, optimizer, epochs, batchSize);
    }

    /** A copy with other text-encoder layers. */
    public ClipParams withTextEncoder(List<LayerSpec> value) {
        return new ClipParams(imageEncoder, value, tokenDim, embeddingDim, temperature, positives, classWords, captions,
                prompts, unknownRate, optimizer, epochs, batchSize);
    }

    /** A copy with other token and shared-embedding sizes. */
    public ClipParams withDims(int tokens, int embedding) {
        return new ClipParams(imageEncoder, textEncoder, tokens, embedding, temperature, positives, classWords, captions,
                prompts, unknownRate, optimizer, epochs, batchSize);
    }

    /** A copy with another temperature (0: learned). */
    public ClipParams withTemperature(double value) {
        return new ClipParams(imageEncoder, textEncoder, tokenDim, embeddingDim, value, positives, classWords, captions,
                prompts, unknownRate, optimizer, epochs, batchSize);
    }

    /** A copy with other positives ({@code class} or {@code pair}). */
    public ClipParams withPositives(String value) {
        return new ClipParams(imageEncoder, textEncoder, tokenDim, embeddingDim, temperature, value, classWords, captions,
                prompts, unknownRate, optimizer, epochs, batchSize);
    }

    /** A copy with other class words (null: the labels). */
    public ClipParams withClassWords(List<String> value) {
        return new ClipParams(imageEncoder, textEncoder, tokenDim, embeddingDim, temperature, positives, value, captions,
                prompts, unknownRate, optimizer, epochs, batchSize);
    }

    /** A copy with other caption and prompt templates. */
    public ClipParams withTemplates(List<String> captionTemplates, List<String> promptTemplates) {
        return new ClipParams(imageEncoder, textEncoder, tokenDim, embeddingDim, temperature, positives, classWords,
                captionTemplates, promptTemplates, unknownRate, optimizer, epochs, batchSize);
    }

    /** A copy with another unknown-word rate. */
    public ClipParams withUnknownRate(double value) {
        return new ClipParams(imageEncoder, textEncoder, tokenDim, embeddingDim, temperature, positives, classWords, captions,
                prompts, value, optimizer, epochs, batchSize);
    }

    /** A copy with another optimizer. */
    public ClipParams withOptimizer(OptimizerSpec value) {
        return new ClipParams(imageEncoder, textEncoder, tokenDim, embeddingDim, temperature, positives, classWords, captions,
                prompts, unknownRate, value, epochs, batchSize);
    }

    /** A copy with other epochs and batch size. */
    public ClipParams withTraining(int epochCount, int pairsPerBatch) {
        return new ClipParams(imageEncoder, textEncoder, tokenDim, embeddingDim, temperature, positives, classWords, captions,
                prompts, unknownRate, optimizer, epochCount, pairsPerBatch);
    }
}
