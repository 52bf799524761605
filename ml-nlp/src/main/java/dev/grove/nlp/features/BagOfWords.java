package dev.grove.nlp.features;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Learns which tokens become the columns of a bag of words, as scikit-learn's CountVectorizer with
 * {@code max_features}: the {@code max-features} tokens that occur most often in the training rows
 * (ties to the lower id, i.e. the more frequent in the vocabulary's own order). Its input is rows of
 * token ids from a text source (labelled-text, or corpus in documents mode), whose schema carries the
 * vocabulary; the padding token {@code <pad>} is never counted.
 */
public final class BagOfWords implements Estimator<BagOfWordsModel> {

    static final String NAME = "bag-of-words";
    static final String PADDING = "<pad>";

    private final BagOfWordsParams params;

    /** A bag of words configured by {@code params}. */
    public BagOfWords(BagOfWordsParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public BagOfWordsModel fit(Dataset data, RunContext context) {
        List<String> vocabulary = data.schema().vocabulary();
        if (vocabulary.isEmpty()) {
            throw new IllegalArgumentException(NAME + ": the rows are not token ids (their schema has no vocabulary); use a"
                    + " text source such as labelled-text or corpus with documents: lines");
        }
        if (data.rows() == 0) {
            throw new IllegalArgumentException(NAME + ": there are no rows to learn the columns from");
        }
        long[] counts = new long[vocabulary.size()];
        int padding = vocabulary.indexOf(PADDING);
        float[] row = new float[data.featureCount()];
        int[] one = new int[1];
        for (int r = 0; r < data.rows(); r++) {
            one[0] = r;
            data.rowsAsFloats(one, row);
            for (float value : row) {
                int id = TokenIds.check(value, vocabulary.size(), r);
                if (id != padding) {
                    counts[id]++;
                }
            }
        }
        Integer[] order = new Integer[counts.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> counts[a] != counts[b] ? Long.compare(counts[b], counts[a]) : Integer.compare(a, b));
        int kept = 0;
        while (kept < order.length && counts[order[kept]] > 0 && (params.maxFeatures() == 0 || kept < params.maxFeatures())) {
            kept++;
        }
        List<Integer> columns = new ArrayList<>(Arrays.asList(order).subList(0, kept));
        columns.sort(Integer::compare);
        return new BagOfWordsModel(params, data.schema(), columns.stream().mapToInt(Integer::intValue).toArray());
    }
}
