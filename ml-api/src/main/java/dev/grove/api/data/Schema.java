package dev.grove.api.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the columns of a {@link Dataset} mean: feature names in order, the target's name (null when
 * there is none), for classification the class labels (target value i means label i), and the shape
 * of one sample: {@code [features]} for a table, {@code [channels, height, width]} for images (the
 * features are then the pixels in that row-major order), {@code [steps, features]} for sequences.
 * When the features are token ids (text), {@code vocabulary} says which token each id stands for
 * (id i is token i) and {@code tokenizer} how text was cut into those tokens: the TOKENIZER component's
 * name under {@code component} and its params as text (so new text can be encoded the same way);
 * both are empty for every other kind of data.
 */
public record Schema(List<String> featureNames, String targetName, List<String> classLabels, List<Integer> sampleShape,
                     List<String> vocabulary, Map<String, String> tokenizer) {

    /** Validates and copies the lists. */
    public Schema {
        featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
        classLabels = List.copyOf(Objects.requireNonNull(classLabels, "classLabels"));
        vocabulary = vocabulary == null ? List.of() : List.copyOf(vocabulary);
        tokenizer = tokenizer == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tokenizer));
        if (!tokenizer.isEmpty() && !tokenizer.containsKey("component")) {
            throw new IllegalArgumentException("schema: a tokenizer description needs a 'component' entry, got " + tokenizer.keySet());
        }
        if (featureNames.stream().distinct().count() != featureNames.size()) {
            throw new IllegalArgumentException("schema: feature names must be unique, got " + featureNames);
        }
        sampleShape = sampleShape == null ? List.of(featureNames.size()) : List.copyOf(sampleShape);
        long product = 1;
        for (int dim : sampleShape) {
            if (dim < 1) {
                throw new IllegalArgumentException("schema: sample shape dimensions must be at least 1, got " + sampleShape);
            }
            product *= dim;
        }
        if (product != featureNames.size() && !featureNames.isEmpty()) {
            throw new IllegalArgumentException("schema: sample shape " + sampleShape + " holds " + product
                    + " values but there are " + featureNames.size() + " features");
        }
    }

    /** A schema whose features are not token ids. */
    public Schema(List<String> featureNames, String targetName, List<String> classLabels, List<Integer> sampleShape) {
        this(featureNames, targetName, classLabels, sampleShape, null, null);
    }

    /** A table's schema: each sample is a flat row of the features. */
    public Schema(List<String> featureNames, String targetName, List<String> classLabels) {
        this(featureNames, targetName, classLabels, null);
    }

    /** A schema without target, for unsupervised data. */
    public static Schema unlabelled(List<String> featureNames) {
        return new Schema(featureNames, null, List.of());
    }

    /** Number of features. */
    public int featureCount() {
        return featureNames.size();
    }

    /** Whether targets are class indices into {@link #classLabels()}. */
    public boolean isClassification() {
        return !classLabels.isEmpty();
    }

    /** Whether the data carries a target column. */
    public boolean hasTarget() {
        return targetName != null;
    }

    /** The same schema with other feature names, as flat rows (what a transformer produces). */
    public Schema withFeatures(List<String> names) {
        return new Schema(names, targetName, classLabels);
    }

    /** The same columns, each sample of shape {@code shape} (whose product is the feature count). */
    public Schema withSampleShape(List<Integer> shape) {
        return new Schema(featureNames, targetName, classLabels, shape, vocabulary, tokenizer);
    }

    /**
     * The same columns, whose values are ids of the tokens of {@code tokens}, cut from text by the
     * tokenizer {@code tokenizerDescription} describes ({@code component} and params as text).
     */
    public Schema withVocabulary(List<String> tokens, Map<String, String> tokenizerDescription) {
        return new Schema(featureNames, targetName, classLabels, sampleShape, tokens, tokenizerDescription);
    }

    /** Whether the features are token ids with a {@link #vocabulary()}. */
    public boolean hasVocabulary() {
        return !vocabulary.isEmpty();
    }

    /** The sample shape as an array, e.g. {@code {3, 32, 32}} for a CIFAR image. */
    public int[] sampleShapeArray() {
        return sampleShape.stream().mapToInt(Integer::intValue).toArray();
    }
}
