package dev.grove.generative.contrastive;

import dev.grove.tensor.Rng;
import dev.grove.tensor.Tensor;
import java.util.List;

/**
 * The training captions: every caption template filled in for every class, as token ids, and the
 * draw of one caption per sample. Each sample gets a template drawn uniformly from the step's
 * random stream; then each word of the template's fixed text (never a word of the class slot) is
 * replaced by {@link Vocabulary#UNKNOWN} with probability {@code unknownRate}.
 */
final class Captions {

    /** Token ids of template t filled in for class k: {@code ids[t][k]}. */
    private final int[][][] ids;
    /** Whether each of those tokens came from a slot (it names the class and is never replaced). */
    private final boolean[][][] fromSlot;
    private final int vocabularySize;
    private final double unknownRate;

    /**
     * @param unknownRate probability in [0, 1) that a fixed word of a drawn caption is replaced by
     *                    {@link Vocabulary#UNKNOWN}
     */
    Captions(List<CaptionTemplate> templates, ClassNames names, Vocabulary vocabulary, double unknownRate) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("clip: captions needs at least one template");
        }
        if (!(unknownRate >= 0 && unknownRate < 1)) {
            throw new IllegalArgumentException("clip: unknown-rate must be in [0, 1), got " + unknownRate);
        }
        this.vocabularySize = vocabulary.size();
        this.unknownRate = unknownRate;
        this.ids = new int[templates.size()][names.count()][];
        this.fromSlot = new boolean[templates.size()][names.count()][];
        for (int t = 0; t < templates.size(); t++) {
            for (int k = 0; k < names.count(); k++) {
                List<CaptionTemplate.Word> words = templates.get(t).words(names.words().get(k), names.labels().get(k));
                ids[t][k] = new int[words.size()];
                fromSlot[t][k] = new boolean[words.size()];
                for (int w = 0; w < words.size(); w++) {
                    ids[t][k][w] = vocabulary.id(words.get(w).text());
                    fromSlot[t][k][w] = words.get(w).fromSlot();
                }
            }
        }
    }

    /** The number of templates. */
    int templates() {
        return ids.length;
    }

    /**
     * One caption per sample of class {@code classes[i]}, drawn from {@code rng}, as mean-pooling
     * weights {@code [samples, vocabulary]} (see {@link TokenBags}).
     *
     * @param replaceWords whether fixed words may be replaced by {@link Vocabulary#UNKNOWN} (training)
     *                     or are kept (evaluation)
     */
    Tensor draw(int[] classes, Rng rng, boolean replaceWords) {
        float[] weights = new float[Math.multiplyExact(classes.length, vocabularySize)];
        int[] caption = new int[0];
        for (int i = 0; i < classes.length; i++) {
            int t = rng.nextInt(ids.length);
            int[] template = ids[t][classes[i]];
            if (caption.length != template.length) {
                caption = new int[template.length];
            }
            for (int w = 0; w < template.length; w++) {
                boolean replaced = replaceWords && unknownRate > 0 && !fromSlot[t][classes[i]][w]
                        && rng.nextDouble() < unknownRate;
                caption[w] = replaced ? 0 : template[w];
            }
            TokenBags.add(caption, weights, i * vocabularySize);
        }
        return Tensor.of(weights, classes.length, vocabularySize);
    }
}
