package dev.grove.nlp.acceptance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.LayerNormParams;
import dev.grove.neural.layer.LayerNormSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.nlp.attention.PositionsParams;
import dev.grove.nlp.attention.PositionsSpec;
import dev.grove.nlp.attention.TransformerBlockSpec;
import dev.grove.nlp.attention.TransformerDecoderParams;
import dev.grove.nlp.attention.TransformerEncoderParams;
import dev.grove.nlp.layer.EmbeddingParams;
import dev.grove.nlp.layer.EmbeddingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;

/**
 * What the language acceptance tests share: the layers and training settings of the example
 * experiments (examples/shakespeare-char-lstm.yaml, shakespeare-char-gpt.yaml, mnist-vit.yaml,
 * polarity-pretrain.yaml, polarity-finetune.yaml) written in Java as an embedder would, finding
 * the data files, splitting by position, and scoring.
 */
final class NlpRecipes {

    private NlpRecipes() {
    }

    /**
     * The path of a data file: the repository's copy ({@code datasets/}) when it has one, else the
     * one in the data directory (GROVE_DATA or -Dgrove.data) as {@link RunContext#resolvePath} finds
     * it. The test is skipped, saying where to put the file, when neither holds it.
     */
    static String dataFile(String name) {
        RunContext context = RunContext.withSeed(0);
        for (String candidate : new String[] {"../datasets/" + name, name}) {
            Path resolved = context.resolvePath(candidate);
            if (Files.exists(resolved)) {
                return resolved.toString();
            }
        }
        assumeTrue(false, name + " not found in ../datasets nor in the data directory: set GROVE_DATA (or -Dgrove.data)"
                + " to the folder holding it");
        return name;
    }

    /** Rows {@code [from, to)} of {@code data}, in order: the runtime's split with {@code shuffle: false}. */
    static Dataset rows(Dataset data, int from, int to) {
        return data.view(IntStream.range(from, to).toArray());
    }

    /**
     * The number of rows the runtime's {@code split: {test: share, shuffle: false}} leaves for training
     * out of {@code rows}: all but the last {@code round(share * rows)}.
     */
    static int trainingRows(int rows, double testShare) {
        return rows - (int) Math.round(testShare * rows);
    }

    /** Adam at {@code lr} with PyTorch's other defaults, and cross-entropy. */
    static TrainParams adam(double lr) {
        return TrainParams.defaults(new CrossEntropyLoss(), new Adam(new AdamParams(lr, 0.9, 0.999, 1e-8, 0)));
    }

    static EmbeddingSpec embedding(int dim) {
        return new EmbeddingSpec(new EmbeddingParams(dim, 0));
    }

    static PositionsSpec learnedPositions() {
        return new PositionsSpec(PositionsParams.of("learned"));
    }

    static TransformerBlockSpec encoder(int heads) {
        return TransformerBlockSpec.encoder(TransformerEncoderParams.of(heads));
    }

    static TransformerBlockSpec decoder(int heads) {
        return TransformerBlockSpec.decoder(TransformerDecoderParams.of(heads));
    }

    static LayerNormSpec layerNorm() {
        return new LayerNormSpec(new LayerNormParams(1e-5));
    }

    /** A dense layer of {@code units} (0: one per class or vocabulary token) with {@code activation}. */
    static LayerSpec dense(int units, String activation) {
        return new DenseSpec(DenseParams.of(units, activation));
    }

    /**
     * The mean over the rows of −ln p(row's class): for a language model over a token stream, the
     * validation cross-entropy per token in nats (the log-loss metric).
     */
    static double logLoss(double[][] probabilities, Dataset data) {
        double sum = 0;
        for (int r = 0; r < probabilities.length; r++) {
            sum -= Math.log(Math.max(probabilities[r][data.label(r)], 1e-15));
        }
        return sum / probabilities.length;
    }

    /** The fraction of rows whose predicted class is their label. */
    static double accuracy(int[] predicted, Dataset data) {
        int correct = 0;
        for (int r = 0; r < predicted.length; r++) {
            correct += predicted[r] == data.label(r) ? 1 : 0;
        }
        return correct / (double) predicted.length;
    }
}
