package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The word2vec component: fitting on a token stream, reporting its scores, saving and restoring. */
class Word2VecEstimatorTest {

    private static Dataset stream;

    @TempDir
    Path dir;

    /** The Lee corpus in the corpus source's stream layout: one row per token, {@code </s>} after each line. */
    @BeforeAll
    static void tokenStream() throws IOException {
        Word2VecCorpus lee = Word2VecCorpus.read(Path.of("../datasets/lee_background.cor"));
        List<String> labels = new ArrayList<>(List.of("<unk>", "</s>"));
        labels.addAll(lee.words());
        List<Float> ids = new ArrayList<>();
        for (int s = 0; s < lee.sentenceCount(); s++) {
            for (int id : lee.sentence(s)) {
                ids.add((float) (id + 2));
            }
            ids.add(1f);
        }
        float[] features = new float[ids.size()];
        double[] targets = new double[ids.size()];
        for (int i = 0; i < features.length; i++) {
            features[i] = ids.get(i);
            targets[i] = ids.get(i);
        }
        stream = Dataset.ofFloats(features, targets, new Schema(List.of("token"), "token", labels));
    }

    @Test
    void aFitRecordsItsScoresAndTheModelSavesAndRestoresThem() throws IOException {
        Path questions = Files.writeString(dir.resolve("questions.txt"), ": common\nthe of a to\nof the to a\n");
        Path pairs = Files.writeString(dir.resolve("pairs.tsv"), "the\tof\t5\na\tto\t3\nand\tin\t4\nthe\tand\t1\n");
        Word2VecParams params = Word2VecParams.defaults().withDim(16).withEpochs(2).withThreads(1)
                .withEvaluation(questions.toString(), pairs.toString());
        Map<Integer, Map<String, Double>> history = new LinkedHashMap<>();
        RunContext context = RunContext.builder(3).history((scope, step, values) -> history.put(step, values)).build();

        Word2VecModel model = new Word2VecEstimator(params).fit(stream, context);

        double accuracy = model.vectors().evaluateAnalogies(questions, 30_000).accuracy();
        double spearman = model.vectors().evaluateSimilarities(pairs).spearman();
        assertThat(model.scores()).containsExactly(Map.entry("analogy-accuracy", accuracy),
                Map.entry("wordsim-spearman", spearman));
        assertThat(history.keySet()).containsExactly(1, 2);
        assertThat(history.get(1)).containsOnlyKeys("lr", "words-per-second");
        assertThat(history.get(2)).containsEntry("analogy-accuracy", accuracy).containsEntry("wordsim-spearman", spearman);
        assertThat(history.get(2).get("lr")).isLessThan(history.get(1).get("lr"));

        ModelState state = model.state();
        assertThat(state.shape("vectors")).containsExactly(model.vectors().size(), 16);
        assertThat(state.attribute("analogy-accuracy")).isEqualTo(Double.toString(accuracy));
        Word2VecModel restored = Word2VecModel.restore(params, stream.schema(), state);
        assertThat(restored.vectors().words()).isEqualTo(model.vectors().words());
        assertThat(restored.vectors().vectorArray()).containsExactly(model.vectors().vectorArray());
        assertThat(restored.scores()).isEqualTo(model.scores());
    }

    @Test
    void theSameRunSeedGivesTheSameVectorsAndTheSeedParamChangesThem() {
        Word2VecParams params = Word2VecParams.defaults().withDim(8).withEpochs(1).withThreads(1);
        float[] first = new Word2VecEstimator(params).fit(stream, RunContext.withSeed(1)).vectors().vectorArray();
        float[] again = new Word2VecEstimator(params).fit(stream, RunContext.withSeed(1)).vectors().vectorArray();
        float[] otherRun = new Word2VecEstimator(params).fit(stream, RunContext.withSeed(2)).vectors().vectorArray();
        float[] otherParam = new Word2VecEstimator(params.withSeed(9)).fit(stream, RunContext.withSeed(1)).vectors()
                .vectorArray();
        assertThat(again).containsExactly(first);
        assertThat(otherRun).isNotEqualTo(first);
        assertThat(otherParam).isNotEqualTo(first);
    }

    @Test
    void aMissingEvaluationFileFailsBeforeTraining() {
        Word2VecParams params = Word2VecParams.defaults().withEvaluation("no-such-questions.txt", null);
        assertThatThrownBy(() -> new Word2VecEstimator(params).fit(stream, RunContext.withSeed(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("word2vec: analogies file 'no-such-questions.txt' not found (looked at [");
    }

    @Test
    void aRestoredStateMustFitTheParamsAndSchema() {
        ModelState state = ModelState.builder().put("vectors", new float[6], 2, 3).put("token-ids", new float[] {2, 7})
                .build();
        assertThatThrownBy(() -> Word2VecModel.restore(Word2VecParams.defaults(), stream.schema(), state))
                .hasMessageContaining("has shape [2, 3]; expected [words, 100] for dim 100");
        Schema tiny = new Schema(List.of("token"), "token", List.of("<unk>", "</s>", "a"));
        assertThatThrownBy(() -> Word2VecModel.restore(Word2VecParams.defaults().withDim(3), tiny, state))
                .hasMessage("word2vec: model state 'token-ids' holds 7.0 at 1, not an index into the schema's 3 class labels");
    }

    @Test
    void theComponentIsARegisteredEstimatorWithARestorer() {
        List<Component<?>> components = new ArrayList<>();
        Word2VecComponents.register(components::add);
        assertThat(components).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.ESTIMATOR);
            assertThat(c.name()).isEqualTo("word2vec");
            assertThat(c.paramsType()).isEqualTo(Word2VecParams.class);
            assertThat(c.restorer()).isNotNull();
        });
    }

    @Test
    void badParamsAreNamed() {
        assertThatThrownBy(() -> Word2VecParams.defaults("glove")).hasMessage("mode must be one of skip-gram, cbow, got 'glove'");
        assertThatThrownBy(() -> Word2VecParams.defaults().withWindow(0)).hasMessage("window must be >= 1, got 0");
        assertThatThrownBy(() -> Word2VecParams.defaults().withLr(0.01, 0.1)).hasMessage("min-lr must be <= lr (0.01), got 0.1");
    }
}
