package dev.grove.generative.contrastive;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classification;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.Parameter;
import dev.grove.neural.layer.Pass;
import dev.grove.neural.optim.Optimizer;
import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One training run of the contrastive model: epochs of shuffled mini-batches of images, each with one
 * caption per image drawn from the step's own random stream, the symmetric InfoNCE loss, one
 * optimizer step over both encoders (and the learned logit scale, clamped to [1, 100] after it).
 * A final batch of a single image is skipped: it has nothing to be contrasted with.
 *
 * <p>Each epoch records {@code train/loss} (the symmetric loss), {@code train/image-to-text-loss},
 * {@code train/text-to-image-loss}, {@code logit-scale}, with validation data {@code val/accuracy}
 * (zero-shot, with the class prompts), {@code seconds} and {@code samples-per-second}. Used once.
 */
final class ClipTraining {

    private static final String TASK = "clip";

    private final ClipParams params;
    private final ClipEncoders encoders;
    private final Captions captions;
    private final Vocabulary vocabulary;
    private final Dataset train;
    private final Dataset validation;
    private final RunContext context;
    private final Optimizer optimizer;
    private final List<Parameter> trainable;
    private final int[] sampleShape;
    private final int stepsPerEpoch;
    private final Rng shuffleStreams;
    private final Rng captionStreams;
    private final Rng passStreams;

    private long globalStep;

    /** @param validation rows whose zero-shot accuracy is reported each epoch, or null */
    ClipTraining(ClipParams params, ClipEncoders encoders, Captions captions, Vocabulary vocabulary, Dataset train,
                 Dataset validation, RunContext context) {
        this.params = params;
        this.encoders = encoders;
        this.captions = captions;
        this.vocabulary = vocabulary;
        this.train = train;
        this.validation = validation;
        this.context = context;
        this.trainable = encoders.trainable();
        this.optimizer = params.optimizer().create(trainable);
        this.sampleShape = train.schema().sampleShapeArray();
        int rows = train.rows();
        this.stepsPerEpoch = rows / params.batchSize() + (rows % params.batchSize() >= 2 ? 1 : 0);
        this.shuffleStreams = context.rng("shuffle");
        this.captionStreams = context.rng("captions");
        this.passStreams = context.rng("pass");
    }

    /** Trains for every epoch. */
    void run() {
        for (int epoch = 1; epoch <= params.epochs(); epoch++) {
            Map<String, Double> figures = epoch(epoch);
            context.recordHistory(epoch, figures);
            context.progress().update(TASK, epoch, params.epochs(), String.format(Locale.ROOT, "epoch %d/%d loss %.4f%s",
                    epoch, params.epochs(), figures.get("train/loss"), figures.containsKey("val/accuracy")
                            ? String.format(Locale.ROOT, " val accuracy %.4f", figures.get("val/accuracy")) : ""));
        }
    }

    private Map<String, Double> epoch(int epoch) {
        long started = System.nanoTime();
        int[] order = new int[train.rows()];
        Arrays.setAll(order, i -> i);
        // A stream per epoch, so an epoch's order does not depend on what earlier epochs drew.
        shuffleStreams.derive("epoch-" + epoch).shuffle(order);
        double lossSum = 0;
        double imageToTextSum = 0;
        double textToImageSum = 0;
        long samples = 0;
        for (int step = 0; step < stepsPerEpoch; step++) {
            context.checkCancelled();
            int from = step * params.batchSize();
            int[] selected = Arrays.copyOfRange(order, from, Math.min(from + params.batchSize(), order.length));
            ContrastiveLoss.Terms terms = step(selected);
            float loss = terms.total().item();
            if (!Float.isFinite(loss)) {
                throw new IllegalStateException("clip: training diverged at epoch " + epoch + ", step " + (step + 1) + " of "
                        + stepsPerEpoch + ": the loss is " + loss + " (check the images for NaN or infinite values, or"
                        + " lower the optimizer's learning rate, " + params.optimizer().learningRate() + ")");
            }
            optimizer.step(params.optimizer().learningRate());
            for (Parameter p : trainable) {
                p.value().zeroGrad();
            }
            encoders.clampScale();
            globalStep++;
            lossSum += (double) loss * selected.length;
            imageToTextSum += (double) terms.imageToText().item() * selected.length;
            textToImageSum += (double) terms.textToImage().item() * selected.length;
            samples += selected.length;
        }
        long trainingNanos = Math.max(1, System.nanoTime() - started);
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("train/loss", lossSum / samples);
        figures.put("train/image-to-text-loss", imageToTextSum / samples);
        figures.put("train/text-to-image-loss", textToImageSum / samples);
        figures.put("logit-scale", (double) encoders.scaleValue());
        if (validation != null) {
            figures.put("val/accuracy", zeroShotAccuracy(validation));
        }
        figures.put("seconds", (System.nanoTime() - started) / 1e9);
        figures.put("samples-per-second", samples / (trainingNanos / 1e9));
        return figures;
    }

    /** Forward and backward pass of one batch; returns the loss terms (gradients are left in the parameters). */
    private ContrastiveLoss.Terms step(int[] selected) {
        int[] classes = new int[selected.length];
        Arrays.setAll(classes, i -> train.label(selected[i]));
        String name = "step-" + globalStep;
        Pass pass = new Pass(true, passStreams.derive(name));
        Tensor images = encoders.embedImages(ClipModel.imageBatch(train, selected, sampleShape), pass);
        Tensor texts = encoders.embedTexts(captions.draw(classes, captionStreams.derive(name), true), pass);
        ContrastiveLoss.Terms terms = ContrastiveLoss.symmetric(images, texts, encoders.scale(),
                ContrastiveLoss.targets(classes, params.positivesKind()));
        terms.total().backward();
        return terms;
    }

    /** The zero-shot accuracy on {@code rows} of the encoders as they are now. */
    private double zeroShotAccuracy(Dataset rows) {
        Classification answers = new ClipModel(params, train.schema(), vocabulary, encoders).classify(rows);
        int correct = 0;
        for (int i = 0; i < rows.rows(); i++) {
            if (answers.classes()[i] == rows.label(i)) {
                correct++;
            }
        }
        return correct / (double) rows.rows();
    }
}
