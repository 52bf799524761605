package dev.grove.classical.testing;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the repository's small classification CSVs (header row, numeric features, class label last)
 * without depending on ml-api's data sources. Labels are numbered in sorted order, as
 * scikit-learn's LabelEncoder does, so class indices match the reference figures.
 */
public final class CsvData {

    private CsvData() {
    }

    /** {@code ../datasets/NAME.csv}, relative to the module directory where Surefire runs. */
    public static Dataset read(String name) {
        String[][] table = table(name);
        String[] header = table[0];
        int features = header.length - 1;
        int rows = table.length - 1;
        double[][] x = features(table);
        String[] labelText = new String[rows];
        for (int i = 0; i < rows; i++) {
            labelText[i] = table[i + 1][features];
        }
        List<String> labels = Arrays.stream(labelText).distinct().sorted().toList();
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = labels.indexOf(labelText[i]);
        }
        return Dataset.of(x, y, new Schema(List.of(header).subList(0, features), header[features], labels));
    }

    /** The cells of {@code ../datasets/NAME.csv}: the header row first, blank lines left out. */
    static String[][] table(String name) {
        Path path = Path.of("..", "datasets", name + ".csv");
        try {
            return Files.readAllLines(path).stream().filter(line -> !line.isBlank()).map(line -> line.split(","))
                    .toArray(String[][]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    /** The numeric feature columns (all but the last) of a {@link #table}'s data rows. */
    static double[][] features(String[][] table) {
        int features = table[0].length - 1;
        double[][] x = new double[table.length - 1][features];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < features; j++) {
                x[i][j] = Double.parseDouble(table[i + 1][j]);
            }
        }
        return x;
    }
}
