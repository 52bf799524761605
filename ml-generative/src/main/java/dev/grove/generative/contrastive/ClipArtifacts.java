package dev.grove.generative.contrastive;

import dev.grove.api.data.Dataset;
import dev.grove.generative.image.ImageGrid;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a contrastive run shows: {@value #RETRIEVAL}, a grid whose row k holds the
 * {@value #PER_PROMPT} images most similar to class k's prompt (text-to-image retrieval, best first),
 * and {@value #EMBEDDINGS}, the image embedding of every shown row (columns {@code e1..ek}, then the
 * label when the data has targets) for plotting.
 */
final class ClipArtifacts {

    /** The retrieval grid's file name. */
    static final String RETRIEVAL = "retrieval.png";
    /** The embeddings' file name. */
    static final String EMBEDDINGS = "image-embeddings.csv";
    /** Images shown per prompt. */
    static final int PER_PROMPT = 8;

    private ClipArtifacts() {
    }

    /**
     * Writes the files into {@code directory} and returns their names; the grid only for images of one
     * or three channels.
     *
     * @param images  the normalised embedding of every row of {@code data}
     * @param prompts the normalised prompt embedding of each class, row-major [classes, dim]
     * @param classes the number of classes (rows of the grid)
     */
    static List<String> write(Dataset data, float[][] images, float[] prompts, int classes, Path directory)
            throws IOException {
        List<String> files = new ArrayList<>();
        int[] shape = data.schema().sampleShapeArray();
        if (shape.length == 3 && (shape[0] == 1 || shape[0] == 3) && images.length > 0) {
            ImageGrid.write(directory.resolve(RETRIEVAL), retrieved(data, images, prompts, classes), shape[0], shape[1],
                    shape[2], Math.min(PER_PROMPT, images.length));
            files.add(RETRIEVAL);
        }
        writeEmbeddings(directory.resolve(EMBEDDINGS), data, images);
        files.add(EMBEDDINGS);
        return files;
    }

    /** For each class in order, the pixels of its most similar rows, most similar first (ties: the earlier row). */
    private static List<float[]> retrieved(Dataset data, float[][] images, float[] prompts, int classes) {
        int dim = images[0].length;
        int shown = Math.min(PER_PROMPT, images.length);
        List<float[]> out = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            int[] best = new int[shown];
            double[] bestScore = new double[shown];
            int kept = 0;
            for (int i = 0; i < images.length; i++) {
                double score = 0;
                for (int d = 0; d < dim; d++) {
                    score += (double) images[i][d] * prompts[k * dim + d];
                }
                // Insertion into the short sorted list of the best rows so far.
                int at = kept;
                while (at > 0 && bestScore[at - 1] < score) {
                    at--;
                }
                if (at < shown) {
                    int last = Math.min(kept, shown - 1);
                    System.arraycopy(best, at, best, at + 1, last - at);
                    System.arraycopy(bestScore, at, bestScore, at + 1, last - at);
                    best[at] = i;
                    bestScore[at] = score;
                    kept = Math.min(kept + 1, shown);
                }
            }
            for (int i = 0; i < shown; i++) {
                out.add(data.rowsAsFloats(new int[] {best[i]}, new float[data.featureCount()]));
            }
        }
        return out;
    }

    private static void writeEmbeddings(Path file, Dataset data, float[][] images) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            int dim = images.length == 0 ? 0 : images[0].length;
            StringBuilder header = new StringBuilder();
            for (int d = 1; d <= dim; d++) {
                header.append(d > 1 ? "," : "").append('e').append(d);
            }
            if (data.hasTargets()) {
                header.append(dim > 0 ? "," : "").append("label");
            }
            out.write(header.append('\n').toString());
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < images.length; i++) {
                line.setLength(0);
                for (int d = 0; d < dim; d++) {
                    line.append(d > 0 ? "," : "").append(images[i][d]);
                }
                if (data.hasTargets()) {
                    line.append(',').append(csvField(data.schema().classLabels().get(data.label(i))));
                }
                out.write(line.append('\n').toString());
            }
        }
    }

    /** A label as a CSV field, quoted when it holds a comma, a quote or a line break. */
    private static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
