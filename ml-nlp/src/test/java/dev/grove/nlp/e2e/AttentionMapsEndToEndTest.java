package dev.grove.nlp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.ArtifactWriter;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.LayerNormParams;
import dev.grove.neural.layer.LayerNormSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.SequentialParams;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.network.Network;
import dev.grove.neural.network.NetworkParams;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.optim.Sgd;
import dev.grove.neural.optim.SgdParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.nlp.attention.MultiHeadAttentionParams;
import dev.grove.nlp.attention.MultiHeadAttentionSpec;
import dev.grove.nlp.attention.PositionsParams;
import dev.grove.nlp.attention.PositionsSpec;
import dev.grove.nlp.attention.TransformerBlockSpec;
import dev.grove.nlp.attention.TransformerDecoderParams;
import dev.grove.nlp.data.CorpusParams;
import dev.grove.nlp.data.CorpusSource;
import dev.grove.nlp.data.LabelledTextParams;
import dev.grove.nlp.data.LabelledTextSource;
import dev.grove.nlp.layer.EmbeddingParams;
import dev.grove.nlp.layer.EmbeddingSpec;
import dev.grove.nlp.sequence.SequencePoolParams;
import dev.grove.nlp.sequence.SequencePoolSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sentence classifier with a multi-head-attention layer writes attention.json for the first shown
 * sentence: its tokens without the padding, and per head the weights that a hand computation from the
 * saved embedding and projection arrays gives (softmax over the real keys only).
 */
class AttentionMapsEndToEndTest {

    private static final int DIM = 8;
    private static final int HEADS = 2;
    private static final int LENGTH = 12;

    @TempDir
    Path folder;

    @Test
    void theFirstSentencesAttentionWeightsAreWrittenPerHeadWithoutPadding() throws IOException {
        Dataset data = sentences();
        List<String> vocabulary = data.schema().vocabulary();
        int padId = vocabulary.indexOf("<pad>");
        // Row 0 is "simplistic , silly and tedious .": 6 tokens, then padding up to 12.
        List<Integer> ids = new ArrayList<>();
        for (int step = 0; step < LENGTH && data.feature(0, step) != padId; step++) {
            ids.add((int) data.feature(0, step));
        }
        assertThat(ids).hasSize(6);
        assertThat(data.feature(0, LENGTH - 1)).isEqualTo(padId);

        ArtifactWriter model = (ArtifactWriter) train(data);
        List<String> files = model.writeArtifacts(data, folder, 0);

        assertThat(files).containsExactly("attention.json");
        String json = Files.readString(folder.resolve("attention.json"));
        assertThat(json).startsWith("{\"tokens\": [\"simplistic\", \",\", \"silly\", \"and\", \"tedious\", \".\"]")
                .contains("\"name\": \"multi-head-attention 1\"");
        List<Double> written = numbers(json.substring(json.indexOf("\"heads\"")));
        double[][][] expected = handAttention(model.state(), ids);
        assertThat(written).hasSize(HEADS * 6 * 6);
        int k = 0;
        for (int h = 0; h < HEADS; h++) {
            for (int i = 0; i < 6; i++) {
                double rowSum = 0;
                for (int j = 0; j < 6; j++) {
                    assertThat(written.get(k)).as("head %d, step %d → %d", h, i, j).isCloseTo(expected[h][i][j], within(2e-5));
                    rowSum += written.get(k++);
                }
                // The padded keys got no weight: the real ones still sum to one.
                assertThat(rowSum).isCloseTo(1, within(1e-4));
            }
        }
    }

    @Test
    void aNetworkWithoutAttentionWritesNothing() throws IOException {
        Dataset data = sentences();
        SequentialSpec network = new SequentialSpec(new SequentialParams(List.<LayerSpec>of(
                new EmbeddingSpec(new EmbeddingParams(DIM, 0)),
                new SequencePoolSpec(new SequencePoolParams("mean")),
                new DenseSpec(DenseParams.of(2, "softmax")))));
        ArtifactWriter model = (ArtifactWriter) new Network(new NetworkParams(network, trainParams())).fit(data, RunContext.withSeed(1));

        assertThat(model.writeArtifacts(data, folder, 0)).isEmpty();
        assertThat(folder.resolve("attention.json")).doesNotExist();
    }

    @Test
    void aLanguageModelShowsItsFirstWindowWithCausalWeights() throws IOException {
        int window = 8;
        Dataset stream = new CorpusSource(CorpusParams.of(TinyTexts.shakespeare(folder, 1500)).withUnit("char"))
                .load(RunContext.withSeed(0)).data();
        LayerSpec gpt = SequentialSpec.of(new EmbeddingSpec(new EmbeddingParams(DIM, 0)),
                new PositionsSpec(PositionsParams.of("learned")),
                TransformerBlockSpec.decoder(TransformerDecoderParams.of(HEADS)), new LayerNormSpec(new LayerNormParams(1e-5)),
                new DenseSpec(DenseParams.of(0, "linear")));
        TrainParams recipe = TrainParams.defaults(new CrossEntropyLoss(), new Adam(new AdamParams(0.01, 0.9, 0.999, 1e-8, 0)))
                .withSequence(window).withBatchSize(8).withSteps(3);
        ArtifactWriter model = (ArtifactWriter) new Network(new NetworkParams(gpt, recipe)).fit(stream, RunContext.withSeed(3));

        assertThat(model.writeArtifacts(stream, folder, 0)).containsExactly("attention.json");
        String json = Files.readString(folder.resolve("attention.json"));
        // The tokens are the stream's first 8 characters, each quoted.
        StringBuilder tokens = new StringBuilder("{\"tokens\": [");
        for (int r = 0; r < window; r++) {
            String c = stream.schema().vocabulary().get((int) stream.feature(r, 0));
            tokens.append(r == 0 ? "" : ", ").append('"').append(c.equals("\n") ? "\\u000a" : c).append('"');
        }
        assertThat(json).startsWith(tokens.append(']').toString());
        List<Double> written = numbers(json.substring(json.indexOf("\"heads\"")));
        assertThat(written).hasSize(HEADS * window * window);
        for (int h = 0; h < HEADS; h++) {
            for (int i = 0; i < window; i++) {
                double rowSum = 0;
                for (int j = 0; j < window; j++) {
                    double w = written.get((h * window + i) * window + j);
                    if (j > i) {
                        assertThat(w).as("head %d: step %d may not attend to the later step %d", h, i, j).isZero();
                    }
                    rowSum += w;
                }
                assertThat(rowSum).isCloseTo(1, within(1e-4));
            }
        }
    }

    /**
     * softmax(q_i · k_j / √d_k) over the sentence's steps, per head, with q, k = e · W + b from the
     * saved arrays (the in-weight's first d columns are the queries, the next d the keys).
     */
    private static double[][][] handAttention(ModelState state, List<Integer> ids) {
        float[] table = array(state, ".weight", "embedding");
        float[] inWeight = array(state, ".in-weight", "multi-head-attention");
        float[] inBias = array(state, ".in-bias", "multi-head-attention");
        int n = ids.size();
        double[][] q = new double[n][DIM];
        double[][] key = new double[n][DIM];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < DIM; c++) {
                double qs = inBias[c];
                double ks = inBias[DIM + c];
                for (int f = 0; f < DIM; f++) {
                    double e = table[ids.get(s) * DIM + f];
                    qs += e * inWeight[f * 3 * DIM + c];
                    ks += e * inWeight[f * 3 * DIM + DIM + c];
                }
                q[s][c] = qs;
                key[s][c] = ks;
            }
        }
        int headSize = DIM / HEADS;
        double[][][] weights = new double[HEADS][n][n];
        for (int h = 0; h < HEADS; h++) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    double score = 0;
                    for (int c = h * headSize; c < (h + 1) * headSize; c++) {
                        score += q[i][c] * key[j][c];
                    }
                    weights[h][i][j] = Math.exp(score / Math.sqrt(headSize));
                    sum += weights[h][i][j];
                }
                for (int j = 0; j < n; j++) {
                    weights[h][i][j] /= sum;
                }
            }
        }
        return weights;
    }

    private static float[] array(ModelState state, String suffix, String layer) {
        String name = state.arrays().keySet().stream().filter(k -> k.startsWith(layer) && k.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + layer + "…" + suffix + " in " + state.arrays().keySet()));
        return state.arrays().get(name).floats();
    }

    private static List<Double> numbers(String text) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("-?\\d+\\.\\d+").matcher(text);
        while (m.find()) {
            out.add(Double.parseDouble(m.group()));
        }
        return out;
    }

    private static Object train(Dataset data) {
        SequentialSpec network = new SequentialSpec(new SequentialParams(List.<LayerSpec>of(
                new EmbeddingSpec(new EmbeddingParams(DIM, 0)),
                new MultiHeadAttentionSpec(MultiHeadAttentionParams.of(HEADS)),
                new SequencePoolSpec(new SequencePoolParams("mean")),
                new DenseSpec(DenseParams.of(2, "softmax")))));
        return new Network(new NetworkParams(network, trainParams())).fit(data, RunContext.withSeed(1));
    }

    private static TrainParams trainParams() {
        return TrainParams.defaults(new CrossEntropyLoss(), new Sgd(new SgdParams(0.5, 0, false, 0))).withBatchSize(8).withEpochs(1);
    }

    /** The first 16 sentences of the repository's sentence-polarity.tsv, padded or cut to 12 tokens. */
    private Dataset sentences() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../datasets/sentence-polarity.tsv"), StandardCharsets.UTF_8);
        Path file = folder.resolve("polarity-16.tsv");
        Files.write(file, lines.subList(0, 17), StandardCharsets.UTF_8);
        return new LabelledTextSource(LabelledTextParams.of(file.toString()).withMaxLength(LENGTH))
                .load(RunContext.withSeed(0)).data();
    }
}
