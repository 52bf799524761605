package dev.grove.api.preprocess;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.internal.NumberText;
import dev.grove.api.model.ModelState;
import dev.grove.api.model.Transformer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A fitted one-hot encoder. Each encoded column is replaced, where it stood, by one indicator
 * column per category named {@code column=value} ({@code color=2}; integral values written without
 * a fraction); the other columns pass through unchanged and in order. The state holds one array
 * {@code categories-<i>} per entry i of the {@code columns} param, sorted ascending.
 */
public final class OneHotEncoderModel implements Transformer {

    static final String NAME = "one-hot-encoder";

    private final OneHotEncoderParams params;
    private final Schema schema;
    /** Categories per entry of params.columns(), ascending. */
    private final double[][] categories;
    /** Per input column: its index into categories, or −1 if it passes through. */
    private final int[] slot;
    /** Per input column: its first output column. */
    private final int[] outputStart;
    private final List<String> outputNames;

    OneHotEncoderModel(OneHotEncoderParams params, Schema schema, double[][] categories) {
        this.params = params;
        this.schema = schema;
        this.categories = categories;
        int d = schema.featureCount();
        this.slot = new int[d];
        Arrays.fill(slot, -1);
        int[] positions = positions(NAME, params, schema);
        for (int c = 0; c < positions.length; c++) {
            slot[positions[c]] = c;
        }
        this.outputStart = new int[d];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            outputStart[j] = names.size();
            String name = schema.featureNames().get(j);
            if (slot[j] < 0) {
                names.add(name);
            } else {
                for (double v : categories[slot[j]]) {
                    names.add(name + "=" + NumberText.format(v));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new IllegalArgumentException(NAME + ": output column '" + name + "' would appear twice (an"
                        + " indicator column clashes with an existing column); rename that column");
            }
        }
        this.outputNames = List.copyOf(names);
    }

    /**
     * Rebuilds a fitted encoder from its saved state.
     *
     * @throws IllegalArgumentException if a listed column is not in the schema, or a categories
     *                                  array is missing, empty, not one-dimensional, not finite or not strictly ascending
     */
    public static OneHotEncoderModel restore(OneHotEncoderParams params, Schema schema, ModelState state) {
        positions(NAME, params, schema);
        double[][] categories = new double[params.columns().size()][];
        for (int c = 0; c < categories.length; c++) {
            String array = "categories-" + c;
            double[] values = state.doubles(array);
            if (state.shape(array).length != 1 || values.length == 0) {
                throw new IllegalArgumentException(NAME + " state: array '" + array + "' must list at least one category"
                        + " in one dimension, got shape " + Arrays.toString(state.shape(array)));
            }
            for (int k = 0; k < values.length; k++) {
                if (!Double.isFinite(values[k]) || (k > 0 && values[k] <= values[k - 1])) {
                    throw new IllegalArgumentException(NAME + " state: array '" + array + "' must hold finite,"
                            + " strictly ascending categories, got " + Arrays.toString(values));
                }
            }
            categories[c] = values;
        }
        return new OneHotEncoderModel(params, schema, categories);
    }

    /** The input position of each entry of {@code params.columns()}; an error names a column the schema lacks. */
    static int[] positions(String component, OneHotEncoderParams params, Schema schema) {
        int[] positions = new int[params.columns().size()];
        for (int c = 0; c < positions.length; c++) {
            positions[c] = OneHotEncoder.position(component, params.columns().get(c), schema.featureNames());
        }
        return positions;
    }

    /** The params it was fitted with. */
    public OneHotEncoderParams params() {
        return params;
    }

    /** The categories learned for encoded column {@code column}, ascending. */
    public double[] categories(String column) {
        int index = params.columns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(NAME + ": column '" + column + "' is not encoded (encoded columns: "
                    + params.columns() + ")");
        }
        return categories[index].clone();
    }

    /** The names of the output columns, in order. */
    public List<String> outputNames() {
        return outputNames;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public ModelState state() {
        ModelState.Builder b = ModelState.builder();
        for (int c = 0; c < categories.length; c++) {
            b.put("categories-" + c, categories[c]);
        }
        return b.build();
    }

    @Override
    public Dataset transform(Dataset data) {
        checkColumns(data);
        int n = data.rows();
        int d = slot.length;
        int width = outputNames.size();
        boolean ignoreUnknown = params.handleUnknown().equals("ignore");
        double[] out = new double[n * width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = data.feature(i, j);
                if (slot[j] < 0) {
                    out[i * width + outputStart[j]] = v;
                    continue;
                }
                int k = Arrays.binarySearch(categories[slot[j]], v + 0.0);
                if (k >= 0) {
                    out[i * width + outputStart[j] + k] = 1;
                } else if (!ignoreUnknown) {
                    throw unknownValue(data, i, j, v);
                }
            }
        }
        return data.withFeatures(out, outputNames);
    }

    private IllegalArgumentException unknownValue(Dataset data, int row, int column, double value) {
        StringBuilder known = new StringBuilder();
        for (double c : categories[slot[column]]) {
            known.append(known.length() == 0 ? "" : ", ").append(NumberText.format(c));
        }
        String what = Double.isNaN(value) ? "a missing value (NaN)" : "value " + NumberText.format(value);
        return new IllegalArgumentException(NAME + ": column '" + data.schema().featureNames().get(column) + "' has "
                + what + " in row " + row + ", which was not seen in fit (known: " + known
                + "); set handle-unknown: ignore to encode unseen values as all zeros");
    }
}
