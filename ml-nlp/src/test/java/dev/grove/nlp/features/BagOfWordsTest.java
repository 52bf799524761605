package dev.grove.nlp.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token-id rows to counts of the most frequent tokens. */
class BagOfWordsTest {

    private static final List<String> VOCABULARY = List.of("<pad>", "<unk>", "the", "cat", "dog", "sat");

    /** Rows of 4 token ids padded with <pad> (id 0), labelled neg/pos. */
    private static Dataset rows(float[] ids, double... labels) {
        Schema schema = new Schema(List.of("t0", "t1", "t2", "t3"), "label", List.of("neg", "pos"), null, VOCABULARY, null);
        return Dataset.ofFloats(ids, labels, schema);
    }

    private static final Dataset SENTENCES = rows(new float[] {
        2, 3, 5, 0, // the cat sat
        2, 4, 2, 4, // the dog the dog
        1, 3, 0, 0, // <unk> cat
    }, 0, 1, 0);

    @Test
    void countsEveryTokenButPaddingInColumnsInVocabularyOrder() {
        BagOfWordsModel model = new BagOfWords(new BagOfWordsParams(0, false)).fit(SENTENCES, RunContext.withSeed(0));

        Dataset counts = model.transform(SENTENCES);

        assertThat(counts.schema().featureNames()).containsExactly("count:<unk>", "count:the", "count:cat", "count:dog", "count:sat");
        assertThat(counts.row(0, new double[5])).containsExactly(0, 1, 1, 0, 1);
        assertThat(counts.row(1, new double[5])).containsExactly(0, 2, 0, 2, 0);
        assertThat(counts.row(2, new double[5])).containsExactly(1, 0, 1, 0, 0);
        assertThat(counts.labels()).containsExactly(0, 1, 0);
        assertThat(counts.schema().classLabels()).containsExactly("neg", "pos");
    }

    @Test
    void maxFeaturesKeepsTheMostFrequentTokensAndBinaryOnlySaysWhetherTheyOccur() {
        // Counts: the 3, cat 2, dog 2, sat 1, <unk> 1. Keeping 3: the, then cat and dog (tie, lower id first).
        BagOfWordsModel model = new BagOfWords(new BagOfWordsParams(3, true)).fit(SENTENCES, RunContext.withSeed(0));

        Dataset present = model.transform(SENTENCES);

        assertThat(present.schema().featureNames()).containsExactly("count:the", "count:cat", "count:dog");
        assertThat(present.row(1, new double[3])).containsExactly(1, 0, 1);
    }

    @Test
    void theStateRestoresTheSameColumns() {
        BagOfWordsParams params = new BagOfWordsParams(2, false);
        BagOfWordsModel model = new BagOfWords(params).fit(SENTENCES, RunContext.withSeed(0));

        BagOfWordsModel restored = BagOfWordsModel.restore(params, SENTENCES.schema(), model.state());

        assertThat(restored.columnNames()).containsExactly("count:the", "count:cat");
        assertThat(restored.transform(SENTENCES).row(1, new double[2])).containsExactly(2, 0);
    }

    @Test
    void rowsThatAreNotTokenIdsAreRefused() {
        Dataset table = Dataset.of(new double[][] {{1.5, 2}}, new double[] {0},
                new Schema(List.of("a", "b"), "label", List.of("neg", "pos")));
        assertThatThrownBy(() -> new BagOfWords(new BagOfWordsParams(0, false)).fit(table, RunContext.withSeed(0)))
                .hasMessageContaining("the rows are not token ids (their schema has no vocabulary)");

        Dataset outside = rows(new float[] {2, 9, 0, 0}, 0);
        assertThatThrownBy(() -> new BagOfWords(new BagOfWordsParams(0, false)).fit(outside, RunContext.withSeed(0)))
                .hasMessageContaining("row 1 holds 9.0, which is not a token id of the vocabulary of 6 tokens");
    }
}
