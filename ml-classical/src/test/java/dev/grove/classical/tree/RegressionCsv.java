package dev.grove.classical.tree;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a repository CSV whose columns are all numbers, the last being a numeric target (diabetes). */
final class RegressionCsv {

    private RegressionCsv() {
    }

    /** {@code ../datasets/NAME.csv}, relative to the module directory where Surefire runs. */
    static Dataset read(String name) {
        Path path = Path.of("..", "datasets", name + ".csv");
        List<String> lines;
        try {
            lines = Files.readAllLines(path).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path.toAbsolutePath(), e);
        }
        String[] header = lines.get(0).split(",");
        int features = header.length - 1;
        double[][] x = new double[lines.size() - 1][features];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            for (int j = 0; j < features; j++) {
                x[i][j] = Double.parseDouble(cells[j]);
            }
            y[i] = Double.parseDouble(cells[features]);
        }
        return Dataset.of(x, y, new Schema(List.of(header).subList(0, features), header[features], List.of()));
    }
}
