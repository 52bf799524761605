package dev.grove.api.data;

import java.util.List;
import java.util.Objects;

/**
 * What the columns of a {@link Dataset} mean: feature names in order, the target's name (null when
 * there is none) and, for classification, the class labels (target value i means label i).
 */
public record Schema(List<String> featureNames, String targetName, List<String> classLabels) {

    /** Validates and copies the lists. */
    public Schema {
        featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
        classLabels = List.copyOf(Objects.requireNonNull(classLabels, "classLabels"));
        if (featureNames.stream().distinct().count() != featureNames.size()) {
            throw new IllegalArgumentException("schema: feature names must be unique, got " + featureNames);
        }
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

    /** The same schema with other feature names (what a transformer produces). */
    public Schema withFeatures(List<String> names) {
        return new Schema(names, targetName, classLabels);
    }
}
