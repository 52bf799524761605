package dev.grove.classical.testing;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path path = Path.of("..", "datasets", name + ".csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(path).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
        String[] header = lines.get(0).split(",");
        int features = header.length - 1;
        int rows = lines.size() - 1;
        double[][] x = new double[rows][features];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < features; j++) {
                x[i][j] = Double.parseDouble(cells[j]);
            }
            y[i] = Double.parseDouble(cells[features]);
        }
        return Dataset.of(x, y, new Schema(List.of(header).subList(0, features), header[features], List.of()));
    }
}
