package dev.grove.nlp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
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
import dev.grove.neural.optim.Sgd;
import dev.grove.neural.optim.SgdParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.nlp.attention.PositionsParams;
import dev.grove.nlp.attention.PositionsSpec;
import dev.grove.nlp.attention.TransformerBlockSpec;
import dev.grove.nlp.attention.TransformerEncoderParams;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Padding reaches the layers in training and in prediction: the same sentence classifier (embedding,
 * a learned positions table of fixed size, an encoder block, mean pooling, a softmax head) trained with
 * the same seed on the same sentences padded to 48 or to 80 tokens learns the same weights and
 * predicts the same probabilities, and records the same training and validation losses, because
 * attention and pooling leave the padding out. Without it, a third or more of each pooled vector
 * would be padding, and more of it at 80 tokens than at 48.
 */
class PaddedSentencesEndToEndTest {

    private static final int SHORT = 48;
    private static final int LONG = 80;
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path folder;

    @Test
    void moreTrailingPaddingChangesNeitherTrainingNorPredictions() throws IOException {
        String file = labelledSentences();
        Dataset short_ = sentences(file, SHORT);
        Dataset long_ = sentences(file, LONG);
        assertThat(long_.schema().vocabulary()).isEqualTo(short_.schema().vocabulary());
        int padId = short_.schema().vocabulary().indexOf("<pad>");
        // No sentence is cut at the shorter length, so both datasets hold the same tokens, and every one is padded.
        for (int row = 0; row < short_.rows(); row++) {
            assertThat(short_.feature(row, SHORT - 1)).as("row %d", row).isEqualTo(padId);
        }

        List<Map<String, Double>> shortHistory = new ArrayList<>();
        List<Map<String, Double>> longHistory = new ArrayList<>();
        Classifier shortModel = train(short_, shortHistory);
        Classifier longModel = train(long_, longHistory);

        double[][] shortProbabilities = shortModel.predictProba(short_);
        double[][] longProbabilities = longModel.predictProba(long_);
        for (int row = 0; row < short_.rows(); row++) {
            for (int k = 0; k < 2; k++) {
                assertThat(longProbabilities[row][k]).as("row %d class %d", row, k)
                        .isCloseTo(shortProbabilities[row][k], within(TOLERANCE));
            }
        }
        assertThat(longHistory).hasSameSizeAs(shortHistory).hasSize(3);
        for (int epoch = 0; epoch < shortHistory.size(); epoch++) {
            for (String figure : List.of("train/loss", "val/loss")) {
                assertThat(longHistory.get(epoch).get(figure)).as("epoch %d %s", epoch + 1, figure)
                        .isCloseTo(shortHistory.get(epoch).get(figure), within(TOLERANCE));
            }
        }
        // The weights did move, so equal predictions are not those of two untrained networks.
        assertThat(shortHistory.get(2).get("train/loss")).isNotEqualTo(shortHistory.get(0).get("train/loss"));
    }

    private Classifier train(Dataset data, List<Map<String, Double>> history) {
        SequentialSpec network = new SequentialSpec(new SequentialParams(List.<LayerSpec>of(
                new EmbeddingSpec(new EmbeddingParams(16, 0)),
                new PositionsSpec(new PositionsParams("learned", LONG)),
                TransformerBlockSpec.encoder(TransformerEncoderParams.of(2)),
                new LayerNormSpec(new LayerNormParams(1e-5)),
                new SequencePoolSpec(new SequencePoolParams("mean")),
                new DenseSpec(DenseParams.of(2, "softmax")))));
        TrainParams train = TrainParams.defaults(new CrossEntropyLoss(), new Sgd(new SgdParams(0.5, 0, false, 0)))
                .withBatchSize(8).withEpochs(3).withValidation(0.25);
        RunContext context = RunContext.builder(3).history((scope, step, values) -> history.add(values)).build();
        return (Classifier) new Network(new NetworkParams(network, train)).fit(data, context);
    }

    private static Dataset sentences(String file, int length) {
        return new LabelledTextSource(LabelledTextParams.of(file).withMaxLength(length)).load(RunContext.withSeed(0)).data();
    }

    /** The first 40 sentences of the repository's sentence-polarity.tsv, written to the test folder. */
    private String labelledSentences() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../datasets/sentence-polarity.tsv"), StandardCharsets.UTF_8);
        Path file = folder.resolve("polarity-40.tsv");
        Files.write(file, lines.subList(0, 41), StandardCharsets.UTF_8);
        return file.toString();
    }
}
