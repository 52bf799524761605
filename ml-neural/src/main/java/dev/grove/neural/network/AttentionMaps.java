package dev.grove.neural.network;

import dev.grove.neural.layer.Layer;
import dev.grove.neural.layer.Padding;
import dev.grove.neural.layer.Pass;
import dev.grove.tensor.Grad;
import dev.grove.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attention weights of one sentence through a network, written as {@value #FILE} for a report
 * to draw: the sentence's tokens and, per attention layer (in the order the pass runs them), per
 * head, the steps × steps weights with padded steps left out.
 *
 * <pre>{"tokens": ["the", "cat"], "layers": [{"name": "multi-head-attention 1", "heads": [[[1, 0], [0.4, 0.6]]]}]}</pre>
 */
final class AttentionMaps {

    /** The file's name in a run folder. */
    static final String FILE = "attention.json";

    /**
     * One sentence to run through the network.
     *
     * @param input   the network's input sample of token ids (its full window, padding included)
     * @param padding the padding the pass carries, or null
     * @param shown   the steps to show, in order (the ones that are not padding)
     */
    record Sentence(float[] input, Padding padding, int[] shown) {
    }

    private record Recorded(String kind, Tensor weights) {
    }

    private AttentionMaps() {
    }

    /**
     * Runs {@code sentence} through {@code network} in inference, recording its attention layers'
     * weights, and writes {@code directory/attention.json} when there are any.
     *
     * @param vocabulary the token of each id
     * @return the file's name, or none when the network has no attention layer
     */
    static List<String> write(Layer network, Sentence sentence, List<String> vocabulary, Path directory) throws IOException {
        List<Recorded> recorded = new ArrayList<>();
        Tensor input = Tensor.of(sentence.input().clone(), 1, sentence.input().length);
        Pass pass = Pass.inference().withPadding(sentence.padding())
                .withAttention((layer, weights) -> recorded.add(new Recorded(layer.kind(), weights)));
        try (var off = Grad.off()) {
            network.forward(input, pass);
        }
        if (recorded.isEmpty()) {
            return List.of();
        }
        int[] shown = sentence.shown();
        StringBuilder json = new StringBuilder("{\"tokens\": [");
        for (int i = 0; i < shown.length; i++) {
            json.append(i == 0 ? "" : ", ").append(quote(vocabulary.get((int) sentence.input()[shown[i]])));
        }
        json.append("],\n\"layers\": [");
        for (int l = 0; l < recorded.size(); l++) {
            Tensor weights = recorded.get(l).weights();
            int heads = weights.dim(1);
            int steps = weights.dim(2);
            float[] w = weights.toFloatArray();
            json.append(l == 0 ? "\n" : ",\n").append("{\"name\": ").append(quote(recorded.get(l).kind() + " " + (l + 1)))
                    .append(", \"heads\": [");
            for (int h = 0; h < heads; h++) {
                json.append(h == 0 ? "" : ", ").append('[');
                for (int i = 0; i < shown.length; i++) {
                    json.append(i == 0 ? "" : ", ").append('[');
                    for (int j = 0; j < shown.length; j++) {
                        // Sample 0 of the batch of one: [0, h, i, j].
                        float value = w[(h * steps + shown[i]) * steps + shown[j]];
                        json.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.5f", value));
                    }
                    json.append(']');
                }
                json.append(']');
            }
            json.append("]}");
        }
        json.append("\n]}\n");
        Files.writeString(directory.resolve(FILE), json);
        return List.of(FILE);
    }

    /** {@code text} as a JSON string. */
    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
