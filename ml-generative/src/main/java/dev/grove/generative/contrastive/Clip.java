package dev.grove.generative.contrastive;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Summarized;
import dev.grove.api.model.Summary;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Layer;
import dev.grove.neural.network.NetworkSummary;
import dev.grove.tensor.Rng;
import java.util.List;
import java.util.Objects;

/**
 * The {@code clip} estimator: CLIP-style contrastive pretraining of an image encoder and a text
 * encoder on (image, caption) pairs whose captions are built from the class labels, giving a
 * {@link ClipModel} that classifies images zero-shot by their similarity to prompts.
 *
 * <pre>{@code
 * ClipModel model = new Clip(ClipParams.defaults().withClassWords(List.of("zero", "one", ...)))
 *         .fit(train, RunContext.withSeed(42));
 * Classification answers = model.zeroShot(test, List.of("a photo of a zero", "a photo of a one", ...));
 * }</pre>
 *
 * <p>Random streams of the run context: {@code init} (initial weights), {@code shuffle} (each
 * epoch's order), {@code captions} (each step's caption draws) and {@code pass}.
 */
public final class Clip implements Estimator<ClipModel>, Summarized {

    /** The component name. */
    public static final String NAME = "clip";

    private final ClipParams params;

    /** An estimator configured by {@code params}. */
    public Clip(ClipParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public ClipModel fit(Dataset data, RunContext context) {
        return fit(data, null, context);
    }

    /**
     * Fits on {@code data}, reporting the zero-shot accuracy on {@code validation} (when given) each epoch.
     *
     * @throws IllegalArgumentException if the data has no class targets, fewer than two rows, class
     *                                  words that do not fit its classes, layers that do not fit its
     *                                  sample shape, or prompts that cannot tell two classes apart
     */
    @Override
    public ClipModel fit(Dataset data, Dataset validation, RunContext context) {
        Schema schema = data.schema();
        ClassNames names = ClassNames.of(params.classWords(), schema);
        if (!data.hasTargets()) {
            throw new IllegalArgumentException("clip: the training rows have no targets, so no caption can be built for them");
        }
        if (data.rows() < 2) {
            throw new IllegalArgumentException("clip: needs at least 2 training images to contrast, got " + data.rows());
        }
        if (validation != null && (!validation.hasTargets() || !validation.schema().sampleShape().equals(schema.sampleShape())
                || !validation.schema().classLabels().equals(schema.classLabels()))) {
            throw new IllegalArgumentException("clip: the validation rows must be labelled images like the training rows "
                    + "(shape " + schema.sampleShape() + ", classes " + schema.classLabels() + "), got shape "
                    + validation.schema().sampleShape() + ", classes " + validation.schema().classLabels()
                    + (validation.hasTargets() ? "" : " without targets"));
        }
        List<CaptionTemplate> templates = params.captionTemplates();
        Vocabulary vocabulary = Vocabulary.of(templates, names);
        ClipEncoders encoders = ClipEncoders.build(params, schema, vocabulary.size(), context.rng("init"));
        // Building the model once first checks, before any training, that the prompts tell the classes apart.
        new ClipModel(params, schema, vocabulary, encoders);
        Captions captions = new Captions(templates, names, vocabulary, params.unknownRate());
        new ClipTraining(params, encoders, captions, vocabulary, data, validation, context).run();
        encoders.dropGradients();
        return new ClipModel(params, schema, vocabulary, encoders);
    }

    /**
     * The encoders a fit builds for {@code schema}'s images and classes, untrained (weights from
     * seed 0, which do not show), part by part: {@code image-encoder.*}, then {@code text-encoder}
     * (its token embeddings, one row per word of the caption vocabulary) and
     * {@code text-encoder.layers.*}. The logit scale, a single number, is not counted, as in the
     * model's parameter count.
     *
     * @throws IllegalArgumentException if the data has no class targets, the class words do not fit
     *                                  its classes, or the layers do not fit its sample shape
     */
    @Override
    public Summary summary(Schema schema) {
        Vocabulary vocabulary = Vocabulary.of(params.captionTemplates(), ClassNames.of(params.classWords(), schema));
        ClipEncoders encoders = ClipEncoders.build(params, schema, vocabulary.size(), new Rng(0));
        return NetworkSummary.ofParts(List.of(new Layer.Child("image-encoder", encoders.image()),
                new Layer.Child("text-encoder", encoders.text())));
    }
}
