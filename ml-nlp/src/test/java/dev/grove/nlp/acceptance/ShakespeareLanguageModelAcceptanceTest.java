package dev.grove.nlp.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.network.Network;
import dev.grove.neural.network.NetworkLanguageModel;
import dev.grove.neural.network.NetworkParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.nlp.data.CorpusParams;
import dev.grove.nlp.data.CorpusSource;
import dev.grove.nlp.layer.RecurrentParams;
import dev.grove.nlp.layer.RecurrentSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Acceptance lines 2 and 3 of the language issue (run with {@code ./mvnw test -Pacceptance}):
 * character language models on tiny Shakespeare, the first 90% of the characters training them and
 * the last 10% measuring them, reach PyTorch's validation cross-entropy per character within 0.05
 * nats for the same recipes (/work/shared/reference/torch-quality.json: LSTM 1.7876, GPT 2.0708,
 * each the mean of 20 batches of 32 random validation windows; here every validation character is
 * predicted once, from the windows the stream is cut into, which has the same expectation). The
 * assertion is one-sided: a lower loss is no failure (the LSTM measured 1.7461 here, the CLI run
 * 1.7537: PyTorch's figure, from 41k random validation characters of one seed, is itself a sample).
 */
@Tag("acceptance")
class ShakespeareLanguageModelAcceptanceTest {

    private static final double TOLERANCE = 0.05;
    private static Dataset train;
    private static Dataset validation;

    @BeforeAll
    static void load() {
        CorpusParams corpus = CorpusParams.of(NlpRecipes.dataFile("tinyshakespeare.txt")).withUnit("char");
        Dataset all = new CorpusSource(corpus).load(RunContext.withSeed(0)).data();
        int cut = NlpRecipes.trainingRows(all.rows(), 0.1);
        train = NlpRecipes.rows(all, 0, cut);
        validation = NlpRecipes.rows(all, cut, all.rows());
    }

    /** examples/shakespeare-char-lstm.yaml: embedding 64, lstm 256, dense; windows of 64, batches of 32, Adam 2e-3, 600 steps. */
    @Test
    void theCharLstmMatchesPyTorchsValidationLoss() {
        LayerSpec layers = SequentialSpec.of(NlpRecipes.embedding(64), RecurrentSpec.lstm(RecurrentParams.of(256)),
                NlpRecipes.dense(0, "linear"));
        TrainParams recipe = NlpRecipes.adam(2e-3).withSequence(64).withBatchSize(32).withSteps(600);

        double loss = validationLoss(layers, recipe);

        assertThat(loss).as("char LSTM validation loss, nats per character (PyTorch: 1.7876)")
                .isLessThanOrEqualTo(1.7876 + TOLERANCE);
    }

    /**
     * examples/shakespeare-char-gpt.yaml: embedding 128, learned positions, 4 pre-norm decoder blocks of
     * 4 heads, layer-norm, dense; windows of 128, batches of 16, Adam 1e-3, 600 steps.
     */
    @Test
    void theCharGptMatchesPyTorchsValidationLoss() {
        LayerSpec layers = SequentialSpec.of(NlpRecipes.embedding(128), NlpRecipes.learnedPositions(),
                NlpRecipes.decoder(4), NlpRecipes.decoder(4), NlpRecipes.decoder(4), NlpRecipes.decoder(4),
                NlpRecipes.layerNorm(), NlpRecipes.dense(0, "linear"));
        TrainParams recipe = NlpRecipes.adam(1e-3).withSequence(128).withBatchSize(16).withSteps(600);

        double loss = validationLoss(layers, recipe);

        assertThat(loss).as("char GPT validation loss, nats per character (PyTorch: 2.0708)")
                .isLessThanOrEqualTo(2.0708 + TOLERANCE);
    }

    /** Trains with seed 0 (the examples' seed) and returns the log-loss of the validation characters. */
    private static double validationLoss(LayerSpec layers, TrainParams recipe) {
        NetworkLanguageModel model = (NetworkLanguageModel) new Network(new NetworkParams(layers, recipe))
                .fit(train, RunContext.withSeed(0));
        double loss = NlpRecipes.logLoss(model.predictProba(validation), validation);
        System.out.printf("validation loss %.4f nats per character%n", loss);
        return loss;
    }
}
