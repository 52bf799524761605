package dev.grove.loader.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A latent-code CSV a generative model wrote (header {@code z1,z2,…} and optionally a label column;
 * one row per shown image) drawn as a scatter of its first two values, coloured by label.
 */
final class LatentCodes {

    /** Rows drawn at most. */
    static final int MAX_ROWS = 5_000;

    private LatentCodes() {
    }

    /** The chart, or none when the file is not a code table with at least two values per row. */
    static Optional<String> chart(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
        if (lines.size() < 2) {
            return Optional.empty();
        }
        List<String> header = List.of(lines.get(0).split(",", -1));
        int z1 = header.indexOf("z1");
        int z2 = header.indexOf("z2");
        if (z1 < 0 || z2 < 0) {
            return Optional.empty();
        }
        int label = -1;
        for (int c = 0; c < header.size(); c++) {
            if (!header.get(c).matches("z\\d+")) {
                label = c;
                break;
            }
        }
        int rows = Math.min(lines.size() - 1, MAX_ROWS);
        double[] x = new double[rows];
        double[] y = new double[rows];
        String[] labels = new String[rows];
        for (int i = 0; i < rows; i++) {
            String[] cells = lines.get(i + 1).split(",", -1);
            if (cells.length != header.size()) {
                return Optional.empty();
            }
            try {
                x[i] = Double.parseDouble(cells[z1]);
                y[i] = Double.parseDouble(cells[z2]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            labels[i] = label < 0 ? "codes" : cells[label];
        }
        TreeMap<String, Integer> groups = new TreeMap<>(LatentCodes::compareLabels);
        for (String l : labels) {
            groups.putIfAbsent(l, 0);
        }
        List<String> names = new ArrayList<>(groups.keySet());
        for (int g = 0; g < names.size(); g++) {
            groups.put(names.get(g), g);
        }
        int[] group = new int[rows];
        for (int i = 0; i < rows; i++) {
            group[i] = groups.get(labels[i]);
        }
        String labelName = label < 0 ? "" : header.get(label);
        List<String> legend = label < 0 ? names : names.stream().map(n -> labelName + " " + n).toList();
        return Optional.of(ScatterChart.svg("latent-" + CurvesSection.slug(name), "Latent codes (" + name + ")", "z1", "z2",
                x, y, group, legend, null, null));
    }

    /** Numeric labels in numeric order (2 before 10), others alphabetically after them. */
    private static int compareLabels(String a, String b) {
        boolean an = a.matches("-?\\d+(\\.\\d+)?");
        boolean bn = b.matches("-?\\d+(\\.\\d+)?");
        if (an && bn) {
            return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
        }
        return an ? -1 : bn ? 1 : a.compareTo(b);
    }
}
