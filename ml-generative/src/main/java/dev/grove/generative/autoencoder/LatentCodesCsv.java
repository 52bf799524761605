package dev.grove.generative.autoencoder;

import dev.grove.api.data.Dataset;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The latent codes of a data split as CSV, for plotting: a header {@code z1,…,zk} (and
 * {@code label} when the data has targets), then one line per row of the data, in row order, with
 * the class label (or the target value) last. Written through a temporary file renamed into place.
 */
final class LatentCodesCsv {

    /** The file name in a run directory. */
    static final String FILE = "latent-codes.csv";

    private LatentCodesCsv() {
    }

    /**
     * Writes {@code codes} (rows × k, row-major, one row per row of {@code data}) into {@code file}.
     *
     * @throws IOException if the file cannot be written
     */
    static void write(Path file, float[] codes, int k, Dataset data) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                for (int j = 0; j < k; j++) {
                    line.append(j == 0 ? "" : ",").append('z').append(j + 1);
                }
                if (data.hasTargets()) {
                    line.append(",label");
                }
                out.write(line.append('\n').toString());
                for (int r = 0; r < data.rows(); r++) {
                    line.setLength(0);
                    for (int j = 0; j < k; j++) {
                        line.append(j == 0 ? "" : ",").append(codes[r * k + j]);
                    }
                    if (data.hasTargets()) {
                        line.append(',').append(label(data, r));
                    }
                    out.write(line.append('\n').toString());
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String label(Dataset data, int row) {
        if (data.schema().isClassification()) {
            String label = data.schema().classLabels().get(data.label(row));
            // A label holding a comma or quote is quoted, as CSV readers expect.
            return label.contains(",") || label.contains("\"") ? "\"" + label.replace("\"", "\"\"") + "\"" : label;
        }
        return Double.toString(data.target(row));
    }
}
