package dev.grove.classical.testing;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import java.util.List;

/**
 * Reads the repository's small regression CSVs (header row, numeric features, numeric target last)
 * without depending on ml-api's data sources.
 */
public final class RegressionCsv {

    private RegressionCsv() {
    }

    /** {@code ../datasets/NAME.csv}, relative to the module directory where Surefire runs. */
    public static Dataset read(String name) {
        String[][] table = CsvData.table(name);
        String[] header = table[0];
        int features = header.length - 1;
        double[] y = new double[table.length - 1];
        for (int i = 0; i < y.length; i++) {
            y[i] = Double.parseDouble(table[i + 1][features]);
        }
        return Dataset.of(CsvData.features(table), y, new Schema(List.of(header).subList(0, features), header[features],
                List.of()));
    }
}
