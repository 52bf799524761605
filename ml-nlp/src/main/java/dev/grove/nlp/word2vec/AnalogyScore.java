package dev.grove.nlp.word2vec;

import java.util.List;

/**
 * The result of {@link WordVectors#evaluateAnalogies}, as gensim's {@code evaluate_word_analogies}
 * reports it: the accuracy over all sections together (gensim's "Total accuracy"), and per section.
 *
 * @param accuracy         correct / evaluated over all sections
 * @param correct          questions answered correctly
 * @param evaluated        questions whose four words were all among the words considered
 * @param outOfVocabulary  questions skipped because a word was not among them
 * @param sections         each section of the file, in order
 */
public record AnalogyScore(double accuracy, int correct, int evaluated, int outOfVocabulary, List<Section> sections) {

    /** Copies the sections. */
    public AnalogyScore {
        sections = List.copyOf(sections);
    }

    /**
     * One section of the questions file (e.g. {@code capital-common-countries}).
     *
     * @param name      the header after ": "
     * @param correct   questions answered correctly
     * @param evaluated questions evaluated
     */
    public record Section(String name, int correct, int evaluated) {
        /** correct / evaluated, or 0 when none was evaluated (as gensim). */
        public double accuracy() {
            return evaluated == 0 ? 0 : (double) correct / evaluated;
        }
    }
}
