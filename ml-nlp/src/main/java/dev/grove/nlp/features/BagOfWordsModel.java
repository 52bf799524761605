package dev.grove.nlp.features;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Transformer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted bag of words: one column per kept token, named {@code count:<token>}, holding how often
 * (or with {@code binary}, whether) the token occurs in the row. Tokens that are not kept are not
 * counted. The output is stored as float32, which holds counts exactly. The state holds the kept
 * token ids as the array {@code columns}.
 */
public final class BagOfWordsModel implements Transformer {

    private final BagOfWordsParams params;
    private final Schema schema;
    private final int[] columns;
    private final Map<Integer, Integer> columnOfId = new HashMap<>();

    BagOfWordsModel(BagOfWordsParams params, Schema schema, int[] columns) {
        this.params = params;
        this.schema = schema;
        this.columns = columns.clone();
        for (int c = 0; c < columns.length; c++) {
            columnOfId.put(columns[c], c);
        }
    }

    /**
     * Rebuilds a fitted bag of words from its saved state.
     *
     * @throws IllegalArgumentException if a saved column is not a token id of the schema's vocabulary
     */
    public static BagOfWordsModel restore(BagOfWordsParams params, Schema schema, ModelState state) {
        double[] saved = state.doubles("columns", state.shape("columns"));
        int[] columns = new int[saved.length];
        for (int c = 0; c < saved.length; c++) {
            columns[c] = TokenIds.check((float) saved[c], schema.vocabulary().size(), c);
        }
        return new BagOfWordsModel(params, schema, columns);
    }

    /** The column names: {@code count:<token>} for each kept token, in vocabulary order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.length);
        for (int id : columns) {
            names.add("count:" + schema.vocabulary().get(id));
        }
        return names;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ModelState state() {
        double[] saved = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            saved[c] = columns[c];
        }
        return ModelState.builder().put("columns", saved, columns.length).build();
    }

    @Override
    public Dataset transform(Dataset data) {
        checkColumns(data);
        int rows = data.rows();
        int width = columns.length;
        float[] counts = new float[Math.multiplyExact(rows, width)];
        float[] row = new float[data.featureCount()];
        int[] one = new int[1];
        int size = schema.vocabulary().size();
        for (int r = 0; r < rows; r++) {
            one[0] = r;
            data.rowsAsFloats(one, row);
            for (float value : row) {
                Integer column = columnOfId.get(TokenIds.check(value, size, r));
                if (column != null) {
                    int at = r * width + column;
                    counts[at] = params.binary() ? 1 : counts[at] + 1;
                }
            }
        }
        Schema out = new Schema(columnNames(), data.schema().targetName(), data.schema().classLabels());
        return Dataset.ofFloats(counts, data.hasTargets() ? data.targets() : null, out);
    }
}
