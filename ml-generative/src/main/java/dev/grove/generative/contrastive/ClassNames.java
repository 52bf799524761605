package dev.grove.generative.contrastive;

import dev.grove.api.data.Schema;
import java.util.List;

/**
 * How the classes of the data are named in text: the class word(s) of each class
 * ({@code class-words}, e.g. {@code "seven"}) and its label as the data writes it ({@code "7"}).
 *
 * @param words  the class word(s) of each class, in class-index order
 * @param labels the labels, in class-index order
 */
record ClassNames(List<String> words, List<String> labels) {

    /** Copies the lists and checks they have one entry per class. */
    ClassNames {
        words = List.copyOf(words);
        labels = List.copyOf(labels);
        if (words.size() != labels.size()) {
            throw new IllegalArgumentException("clip: " + words.size() + " class words for " + labels.size() + " classes");
        }
    }

    /**
     * The names of {@code schema}'s classes: {@code classWords} when given (one per class, each with at
     * least one letter or digit), else the labels themselves.
     *
     * @throws IllegalArgumentException if the data has no classes, or the class words do not fit them
     */
    static ClassNames of(List<String> classWords, Schema schema) {
        if (!schema.isClassification()) {
            throw new IllegalArgumentException("clip: needs data with class targets to build captions from (images with"
                    + " labels, such as the mnist source gives), got " + (schema.hasTarget()
                    ? "a numeric target '" + schema.targetName() + "'" : "data without a target"));
        }
        List<String> labels = schema.classLabels();
        if (classWords == null) {
            return new ClassNames(labels, labels);
        }
        if (classWords.size() != labels.size()) {
            throw new IllegalArgumentException("clip: class-words has " + classWords.size() + " entries but the data has "
                    + labels.size() + " classes " + labels + "; give one word (or phrase) per class, in label order");
        }
        for (int k = 0; k < classWords.size(); k++) {
            if (WordTokens.of(classWords.get(k)).isEmpty()) {
                throw new IllegalArgumentException("clip: class-words[" + (k + 1) + "] '" + classWords.get(k)
                        + "' (for class " + labels.get(k) + ") has no letter or digit, so no caption could name the class");
            }
        }
        return new ClassNames(classWords, labels);
    }

    /** The number of classes. */
    int count() {
        return labels.size();
    }
}
