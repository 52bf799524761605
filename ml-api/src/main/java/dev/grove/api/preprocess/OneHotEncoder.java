package dev.grove.api.preprocess;

import dev.grove.api.data.Dataset;
import dev.grove.api.internal.NearestName;
import dev.grove.api.model.Estimator;
import dev.grove.api.run.RunContext;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Learns the categories (distinct values, sorted ascending) of each listed column. Categories are
 * numbers, since a Dataset holds numbers: this encoder is for numeric-coded categorical columns.
 * Missing values (NaN) in a listed column are an error; impute first.
 */
public final class OneHotEncoder implements Estimator<OneHotEncoderModel> {

    private final OneHotEncoderParams params;

    /** An encoder configured by {@code params}. */
    public OneHotEncoder(OneHotEncoderParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    @Override
    public OneHotEncoderModel fit(Dataset data, RunContext context) {
        String name = OneHotEncoderModel.NAME;
        List<String> names = data.schema().featureNames();
        if (params.columns().isEmpty()) {
            throw new IllegalArgumentException(name + ": no columns to encode; set columns to the categorical columns,"
                    + " e.g. columns: [" + names.get(0) + "] (data columns: " + String.join(", ", names) + ")");
        }
        FitChecks.requireRows(name, data);
        int[] positions = OneHotEncoderModel.positions(name, params, data.schema());
        FitChecks.requireNoMissing(name, data, positions, "put simple-imputer (strategy most-frequent) before the encoder");
        double[][] categories = new double[positions.length][];
        double[] column = new double[data.rows()];
        for (int c = 0; c < positions.length; c++) {
            for (int i = 0; i < column.length; i++) {
                column[i] = data.feature(i, positions[c]) + 0.0;
            }
            categories[c] = distinctSorted(column);
        }
        return new OneHotEncoderModel(params, data.schema(), categories);
    }

    /** Where column {@code wanted} is; an error with a suggestion if it is not in {@code names}. */
    static int position(String component, String wanted, List<String> names) {
        int index = names.indexOf(wanted);
        if (index < 0) {
            throw new IllegalArgumentException(component + ": column '" + wanted + "' is not in the data"
                    + NearestName.hint(wanted, names) + " (columns: " + String.join(", ", names) + ")");
        }
        return index;
    }

    private static double[] distinctSorted(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }
}
