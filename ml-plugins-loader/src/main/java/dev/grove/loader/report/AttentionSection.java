package dev.grove.loader.report;

import dev.grove.loader.modelio.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attention heatmaps of a network on token ids ({@value #FILE}, written by the network): per
 * attention layer, the weights of the shown split's first sentence averaged over the heads, each
 * row a token (query) and each column a token it attends to (key), padding left out; under it,
 * folded away, each head's own weights as small multiples, for sentences of up to
 * {@value #MAX_TOKENS_PER_HEAD} tokens.
 */
final class AttentionSection {

    /** The file a network writes its attention weights to. */
    static final String FILE = "attention.json";

    /** The grid width of one head's heatmap, small enough for several side by side. */
    private static final double HEAD_PLOT = 200;
    /**
     * The longest sentence whose heads are drawn one by one: a char GPT's window of 128 tokens would
     * give each head 16,384 cells, and the page hundreds of thousands, for cells too small to read.
     */
    static final int MAX_TOKENS_PER_HEAD = 64;

    private AttentionSection() {
    }

    /** The "Attention" section, or none when the run wrote no attention weights. */
    static Optional<Page.Section> render(RunFiles run) {
        Path file = run.directory().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, Object> attention;
        try {
            Object value = StrictJson.read(Files.readString(file), FILE);
            if (!(value instanceof Map<?, ?> m)) {
                return Optional.of(problem(FILE + " does not hold a JSON object."));
            }
            attention = Plain.map(m);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            return Optional.of(problem(FILE + " could not be read: " + e.getMessage()));
        }
        List<String> tokens = Plain.strings(attention.get("tokens"));
        if (tokens == null || !(attention.get("layers") instanceof List<?> layers) || layers.isEmpty()) {
            return Optional.of(problem(FILE + " has no tokens or no layers."));
        }
        StringBuilder charts = new StringBuilder("<div class=\"charts\">\n");
        for (int l = 0; l < layers.size(); l++) {
            Map<String, Object> layer = layers.get(l) instanceof Map<?, ?> m ? Plain.map(m) : Map.of();
            String name = layer.get("name") instanceof String s ? s : "attention layer " + (l + 1);
            Optional<List<double[][]>> heads = headMatrices(layer.get("heads"), tokens.size());
            if (heads.isEmpty()) {
                charts.append(Html.note("The weights of " + name + " are not " + tokens.size() + " × " + tokens.size()
                        + " matrices, one per head."));
                continue;
            }
            int count = heads.get().size();
            String id = "attention-" + (l + 1);
            charts.append("<div><figure>").append(Heatmap.svg(id, name + " (mean of " + count
                            + (count == 1 ? " head)" : " heads)"), mean(heads.get(), tokens.size()), tokens, tokens, "token",
                            "attends to"))
                    .append("</figure>\n");
            if (tokens.size() <= MAX_TOKENS_PER_HEAD) {
                charts.append("<details><summary>Each head</summary>\n<div class=\"small-multiples\">\n");
                for (int h = 0; h < count; h++) {
                    charts.append("<figure>").append(Heatmap.svg(id + "-head-" + (h + 1), "head " + (h + 1),
                            heads.get().get(h), tokens, tokens, "token", "attends to", HEAD_PLOT)).append("</figure>\n");
                }
                charts.append("</div></details>");
            }
            charts.append("</div>\n");
        }
        charts.append("</div>\n");
        String note = Html.note("The first sentence of the shown split: row i shows how much token i attends to each token"
                + " (the weights of each row sum to one); darker is more."
                + (tokens.size() > MAX_TOKENS_PER_HEAD ? " Each head's own weights are in " + FILE + "; they are drawn one"
                + " by one for up to " + MAX_TOKENS_PER_HEAD + " tokens, and this input has " + tokens.size() + "." : ""));
        return Optional.of(new Page.Section("attention", "Attention", note + charts));
    }

    /** The heads' weights, when {@code heads} is a non-empty list of {@code size} × {@code size} matrices. */
    private static Optional<List<double[][]>> headMatrices(Object heads, int size) {
        if (!(heads instanceof List<?> list) || list.isEmpty()) {
            return Optional.empty();
        }
        List<double[][]> matrices = new ArrayList<>();
        for (Object head : list) {
            double[][] weights = Plain.matrix(head);
            if (weights == null || weights.length != size || weights[0].length != size) {
                return Optional.empty();
            }
            matrices.add(weights);
        }
        return Optional.of(matrices);
    }

    /** The element-wise mean of {@code size} × {@code size} matrices. */
    private static double[][] mean(List<double[][]> matrices, int size) {
        double[][] sum = new double[size][size];
        for (double[][] weights : matrices) {
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    sum[i][j] += weights[i][j] / matrices.size();
                }
            }
        }
        return sum;
    }

    private static Page.Section problem(String text) {
        return new Page.Section("attention", "Attention", Html.note(text));
    }
}
