package dev.grove.nlp.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import dev.grove.neural.layer.DenseParams;
import dev.grove.neural.layer.DenseSpec;
import dev.grove.neural.layer.LayerNormParams;
import dev.grove.neural.layer.LayerNormSpec;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.loss.CrossEntropyLoss;
import dev.grove.neural.network.Network;
import dev.grove.neural.network.NetworkLanguageModel;
import dev.grove.neural.network.NetworkModel;
import dev.grove.neural.network.NetworkParams;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.nlp.attention.PositionsParams;
import dev.grove.nlp.attention.PositionsSpec;
import dev.grove.nlp.attention.TransformerBlockSpec;
import dev.grove.nlp.attention.TransformerDecoderParams;
import dev.grove.nlp.data.CorpusParams;
import dev.grove.nlp.data.CorpusSource;
import dev.grove.nlp.layer.EmbeddingParams;
import dev.grove.nlp.layer.EmbeddingSpec;
import dev.grove.nlp.layer.RecurrentParams;
import dev.grove.nlp.layer.RecurrentSpec;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A character language model from text to generated text, in Java: a few KB of Shakespeare through
 * the corpus source, a tiny LSTM or GPT trained on windows ({@code train.sequence}) for 30 steps,
 * then the fitted {@link NetworkLanguageModel} scored, saved and restored, and asked to continue a
 * prompt.
 */
class LanguageModelEndToEndTest {

    private static final int WINDOW = 16;

    @TempDir
    static Path folder;
    private static Dataset train;
    private static Dataset validation;
    private static int vocabulary;

    @BeforeAll
    static void load() {
        Dataset all = new CorpusSource(CorpusParams.of(TinyTexts.shakespeare(folder, 4000)).withUnit("char"))
                .load(RunContext.withSeed(0)).data();
        int cut = all.rows() * 9 / 10;
        train = all.view(IntStream.range(0, cut).toArray());
        validation = all.view(IntStream.range(cut, all.rows()).toArray());
        vocabulary = all.schema().classLabels().size();
    }

    static Stream<Arguments> networks() {
        LayerSpec lstm = SequentialSpec.of(new EmbeddingSpec(new EmbeddingParams(8, 0)),
                RecurrentSpec.lstm(RecurrentParams.of(32)), new DenseSpec(DenseParams.of(0, "linear")));
        LayerSpec gpt = SequentialSpec.of(new EmbeddingSpec(new EmbeddingParams(16, 0)),
                new PositionsSpec(PositionsParams.of("learned")),
                TransformerBlockSpec.decoder(TransformerDecoderParams.of(2)), new LayerNormSpec(new LayerNormParams(1e-5)),
                new DenseSpec(DenseParams.of(0, "linear")));
        return Stream.of(Arguments.of("lstm", lstm), Arguments.of("gpt", gpt));
    }

    private static NetworkLanguageModel fit(LayerSpec layers) {
        TrainParams recipe = TrainParams.defaults(new CrossEntropyLoss(), new Adam(new AdamParams(0.01, 0.9, 0.999, 1e-8, 0)))
                .withSequence(WINDOW).withBatchSize(16).withSteps(30);
        return (NetworkLanguageModel) new Network(new NetworkParams(layers, recipe)).fit(train, RunContext.withSeed(3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void learnsRestoresAndGeneratesReproducibly(String name, LayerSpec layers) {
        NetworkLanguageModel model = fit(layers);

        assertThat(model.contextLength()).isEqualTo(WINDOW);
        double[][] probabilities = model.predictProba(validation);
        // 30 steps on 3,600 characters already beat guessing uniformly among the vocabulary's characters.
        assertThat(logLoss(probabilities, validation)).as("validation cross-entropy per character")
                .isLessThan(Math.log(vocabulary) - 0.3);

        NetworkModel restored = NetworkModel.restore(Network.NAME, layers, train.schema(), model.state());
        assertThat(restored).isInstanceOf(NetworkLanguageModel.class);
        assertThat(((NetworkLanguageModel) restored).predictProba(validation)).isDeepEqualTo(probabilities);

        int[] prompt = {ids("F"), ids("i"), ids("r")};
        int[] text = model.generate(prompt, 40, 1.0, 0, 7);
        assertThat(text).hasSize(40);
        assertThat(IntStream.of(text).allMatch(id -> id >= 0 && id < vocabulary)).as("ids in the vocabulary").isTrue();
        assertThat(model.generate(prompt, 40, 1.0, 0, 7)).as("same seed").isEqualTo(text);
        assertThat(((NetworkLanguageModel) restored).generate(prompt, 40, 1.0, 0, 7)).as("restored, same seed")
                .isEqualTo(text);
        assertThat(model.generate(prompt, 40, 1.0, 0, 8)).as("another seed").isNotEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void refusesPromptsItCannotRead(String name, LayerSpec layers) {
        NetworkLanguageModel model = fit(layers);

        assertThatThrownBy(() -> model.generate(new int[] {ids("F"), vocabulary}, 5, 1.0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prompt token 2 has id " + vocabulary)
                .hasMessageContaining("outside the vocabulary of " + vocabulary + " tokens");
        assertThatThrownBy(() -> model.generate(new int[] {-1}, 5, 1.0, 0, 1))
                .hasMessageContaining("outside the vocabulary");
        assertThatThrownBy(() -> model.generate(new int[WINDOW + 1], 5, 1.0, 0, 1))
                .hasMessageContaining("the prompt must hold 1 to " + WINDOW + " tokens");
        assertThatThrownBy(() -> model.generate(new int[0], 5, 1.0, 0, 1))
                .hasMessageContaining("the prompt must hold 1 to " + WINDOW + " tokens");
    }

    /** The id of a character, as the corpus numbered it. */
    private static int ids(String character) {
        int id = train.schema().vocabulary().indexOf(character);
        assertThat(id).as("id of '%s'", character).isNotNegative();
        return id;
    }

    private static double logLoss(double[][] probabilities, Dataset data) {
        double sum = 0;
        for (int r = 0; r < probabilities.length; r++) {
            sum -= Math.log(probabilities[r][data.label(r)]);
        }
        return sum / probabilities.length;
    }
}
