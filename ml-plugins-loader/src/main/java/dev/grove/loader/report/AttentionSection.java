package dev.grove.loader.report;

import dev.grove.loader.modelio.StrictJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The attention heatmaps of a network on token ids ({@value #FILE}, written by the network): per
 * attention layer, the weights of the shown split's first sentence averaged over the heads, each
 * row a token (query) and each column a token it attends to (key), padding left out.
 */
final class AttentionSection {

    /** The file a network writes its attention weights to. */
    static final String FILE = "attention.json";

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
            Optional<double[][]> average = headAverage(layer.get("heads"), tokens.size());
            if (average.isEmpty()) {
                charts.append(Html.note("The weights of " + name + " are not " + tokens.size() + " × " + tokens.size()
                        + " matrices, one per head."));
                continue;
            }
            int heads = ((List<?>) layer.get("heads")).size();
            charts.append("<figure>").append(Heatmap.svg("attention-" + (l + 1), name + " (mean of " + heads
                            + (heads == 1 ? " head)" : " heads)"), average.get(), tokens, tokens, "token", "attends to"))
                    .append("</figure>\n");
        }
        charts.append("</div>\n");
        String note = Html.note("The first sentence of the shown split: row i shows how much token i attends to each token"
                + " (the weights of each row sum to one); darker is more.");
        return Optional.of(new Page.Section("attention", "Attention", note + charts));
    }

    /** The heads' mean weights, when {@code heads} is a list of {@code size} × {@code size} matrices. */
    private static Optional<double[][]> headAverage(Object heads, int size) {
        if (!(heads instanceof List<?> list) || list.isEmpty()) {
            return Optional.empty();
        }
        double[][] sum = new double[size][size];
        for (Object head : list) {
            double[][] weights = Plain.matrix(head);
            if (weights == null || weights.length != size || weights[0].length != size) {
                return Optional.empty();
            }
            for (int i = 0; i < size; i++) {
                for (int j = 0; j < size; j++) {
                    sum[i][j] += weights[i][j] / list.size();
                }
            }
        }
        return Optional.of(sum);
    }

    private static Page.Section problem(String text) {
        return new Page.Section("attention", "Attention", Html.note(text));
    }
}
