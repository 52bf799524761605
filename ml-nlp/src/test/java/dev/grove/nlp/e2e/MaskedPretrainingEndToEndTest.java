package dev.grove.nlp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Model;
import dev.grove.api.model.ModelState;
import dev.grove.api.run.InMemoryStateFiles;
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
import dev.grove.neural.network.NetworkMaskedModel;
import dev.grove.neural.network.NetworkParams;
import dev.grove.neural.optim.Adam;
import dev.grove.neural.optim.AdamParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.nlp.attention.PositionsParams;
import dev.grove.nlp.attention.PositionsSpec;
import dev.grove.nlp.attention.TransformerBlockSpec;
import dev.grove.nlp.attention.TransformerEncoderParams;
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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-supervised learning end to end, in Java: a tiny encoder pretrained by masked tokens on a word
 * corpus, saved, then the start of a sentence classifier ({@code init-from}) whose labelled texts are
 * numbered with the corpus's vocabulary. The two networks share their body's layer names
 * (embedding-1, positions-1, transformer-encoder-1, layer-norm-1) and differ in the head (dense-1:
 * a score per vocabulary word, then 2 classes after sequence-pool).
 */
class MaskedPretrainingEndToEndTest {

    private static final List<String> RESERVED = List.of("<unk>", "<pad>", "<mask>");
    private static final int LENGTH = 12;

    @TempDir
    Path folder;

    @Test
    void aMaskedTokenPretrainedBodyStartsTheClassifier() throws IOException {
        String corpusFile = TinyTexts.shakespeare(folder, 6000);
        Dataset stream = new CorpusSource(CorpusParams.of(corpusFile).withLineBreaks("drop").withReserved(RESERVED))
                .load(RunContext.withSeed(0)).data();
        LayerSpec pretraining = sequential(body(), new DenseSpec(DenseParams.of(0, "linear")));
        TrainParams masked = adam().withSequence(LENGTH).withMask(0.15).withBatchSize(8).withSteps(20);
        Model pretrained = new Network(new NetworkParams(pretraining, masked)).fit(stream, RunContext.withSeed(1));
        assertThat(pretrained).isInstanceOf(NetworkMaskedModel.class);
        InMemoryStateFiles files = new InMemoryStateFiles();
        files.write(Path.of("pretrained.grove"), pretrained.state());

        Dataset sentences = new LabelledTextSource(LabelledTextParams.of(labelledSentences()).withVocabularyFrom(corpusFile)
                .withReserved(RESERVED).withMaxLength(LENGTH)).load(RunContext.withSeed(0)).data();
        assertThat(sentences.schema().vocabulary()).isEqualTo(stream.schema().vocabulary());
        LayerSpec classifier = sequential(body(), new SequencePoolSpec(new SequencePoolParams("mean")),
                new DenseSpec(DenseParams.of(2, "softmax")));
        // The body stays frozen, so its weights must be exactly the pretrained ones; only the head learns.
        TrainParams fineTuning = adam().withBatchSize(4).withEpochs(3).withInitFrom("pretrained.grove")
                .withFreeze(List.of("4"));
        Classifier tuned = (Classifier) new Network(new NetworkParams(classifier, fineTuning))
                .fit(sentences, RunContext.builder(2).stateFiles(files).build());

        ModelState before = pretrained.state();
        ModelState after = tuned.state();
        List<String> bodyArrays = before.arrays().keySet().stream().filter(name -> !name.startsWith("dense-1.")).toList();
        assertThat(bodyArrays).anyMatch(name -> name.startsWith("embedding-1."))
                .anyMatch(name -> name.startsWith("positions-1."))
                .anyMatch(name -> name.startsWith("transformer-encoder-1."))
                .anyMatch(name -> name.startsWith("layer-norm-1."));
        for (String name : bodyArrays) {
            assertThat(after.floats(name)).as(name).isEqualTo(before.floats(name));
        }
        assertThat(after.shape("dense-1.weight")).containsExactly(16, 2);
        assertThat(Arrays.asList(after.attribute("init-from.fresh").split(", ")))
                .containsExactlyInAnyOrder("dense-1.weight", "dense-1.bias");
        assertThat(Arrays.asList(after.attribute("init-from.loaded").split(", ")))
                .containsExactlyInAnyOrderElementsOf(bodyArrays);
        assertThat(tuned.predict(sentences)).hasSize(sentences.rows());
    }

    @Test
    void initArraysStartsTheWordEmbeddingFromThePretrainedOutputLayer() throws IOException {
        String corpusFile = TinyTexts.shakespeare(folder, 6000);
        Dataset stream = new CorpusSource(CorpusParams.of(corpusFile).withLineBreaks("drop").withReserved(RESERVED))
                .load(RunContext.withSeed(0)).data();
        TrainParams masked = adam().withSequence(LENGTH).withMask(0.15).withBatchSize(8).withSteps(10);
        Model pretrained = new Network(new NetworkParams(sequential(body(), new DenseSpec(DenseParams.of(0, "linear"))),
                masked)).fit(stream, RunContext.withSeed(1));
        InMemoryStateFiles files = new InMemoryStateFiles();
        files.write(Path.of("pretrained.grove"), pretrained.state());
        Dataset sentences = new LabelledTextSource(LabelledTextParams.of(labelledSentences()).withVocabularyFrom(corpusFile)
                .withReserved(RESERVED).withMaxLength(LENGTH)).load(RunContext.withSeed(0)).data();
        // Frozen body: the embedding keeps what init-arrays put there, so it can be compared after training.
        TrainParams fineTuning = adam().withBatchSize(4).withEpochs(1).withInitFrom("pretrained.grove")
                .withInitArrays(List.of("embedding-1.weight <- dense-1.weight^T")).withFreeze(List.of("4"));

        Classifier tuned = (Classifier) new Network(new NetworkParams(sequential(body(),
                new SequencePoolSpec(new SequencePoolParams("mean")), new DenseSpec(DenseParams.of(2, "softmax"))), fineTuning))
                .fit(sentences, RunContext.builder(2).stateFiles(files).build());

        float[] output = pretrained.state().floats("dense-1.weight");
        int[] outputShape = pretrained.state().shape("dense-1.weight");
        float[] embedding = tuned.state().floats("embedding-1.weight");
        assertThat(tuned.state().shape("embedding-1.weight")).containsExactly(outputShape[1], outputShape[0]);
        for (int word = 0; word < outputShape[1]; word++) {
            for (int d = 0; d < outputShape[0]; d++) {
                assertThat(embedding[word * outputShape[0] + d]).as("word %d, dimension %d", word, d)
                        .isEqualTo(output[d * outputShape[1] + word]);
            }
        }
        assertThat(tuned.state().floats("positions-1.table")).isEqualTo(pretrained.state().floats("positions-1.table"));
        assertThat(tuned.state().attribute("init-from.loaded")).contains("embedding-1.weight <- dense-1.weight^T");
    }

    @Test
    void aHeadTiedToTheEmbeddingTrainsOneTableThatInitFromCarriesOver() throws IOException {
        String corpusFile = TinyTexts.shakespeare(folder, 6000);
        Dataset stream = new CorpusSource(CorpusParams.of(corpusFile).withLineBreaks("drop").withReserved(RESERVED))
                .load(RunContext.withSeed(0)).data();
        LayerSpec tiedHead = new DenseSpec(DenseParams.of(0, "linear").withTie("embedding-1"));
        TrainParams masked = adam().withSequence(LENGTH).withMask(0.15).withBatchSize(8).withSteps(10);
        Model pretrained = new Network(new NetworkParams(sequential(body(), tiedHead), masked)).fit(stream, RunContext.withSeed(1));
        Model untrained = new Network(new NetworkParams(sequential(body(), tiedHead), masked.withSteps(1)))
                .fit(stream, RunContext.withSeed(1));
        // One table, saved once: the head adds only its bias, a score offset per vocabulary token.
        assertThat(pretrained.state().arrays()).containsKey("embedding-1.weight").containsKey("dense-1.bias")
                .doesNotContainKey("dense-1.weight");
        assertThat(pretrained.state().shape("dense-1.bias")).containsExactly(stream.schema().vocabulary().size());
        assertThat(pretrained.state().floats("embedding-1.weight")).isNotEqualTo(untrained.state().floats("embedding-1.weight"));
        InMemoryStateFiles files = new InMemoryStateFiles();
        files.write(Path.of("pretrained.grove"), pretrained.state());
        Dataset sentences = new LabelledTextSource(LabelledTextParams.of(labelledSentences()).withVocabularyFrom(corpusFile)
                .withReserved(RESERVED).withMaxLength(LENGTH)).load(RunContext.withSeed(0)).data();
        TrainParams fineTuning = adam().withBatchSize(4).withEpochs(1).withInitFrom("pretrained.grove").withFreeze(List.of("4"));

        Classifier tuned = (Classifier) new Network(new NetworkParams(sequential(body(),
                new SequencePoolSpec(new SequencePoolParams("mean")), new DenseSpec(DenseParams.of(2, "softmax"))), fineTuning))
                .fit(sentences, RunContext.builder(2).stateFiles(files).build());

        assertThat(tuned.state().floats("embedding-1.weight")).isEqualTo(pretrained.state().floats("embedding-1.weight"));
        assertThat(Arrays.asList(tuned.state().attribute("init-from.fresh").split(", ")))
                .containsExactlyInAnyOrder("dense-1.weight", "dense-1.bias");
    }

    /** Embedding 16, learned positions, one encoder block of 2 heads, layer-norm: [LENGTH] ids to [LENGTH, 16]. */
    private static List<LayerSpec> body() {
        return List.of(new EmbeddingSpec(new EmbeddingParams(16, 0)), new PositionsSpec(PositionsParams.of("learned")),
                TransformerBlockSpec.encoder(TransformerEncoderParams.of(2)), new LayerNormSpec(new LayerNormParams(1e-5)));
    }

    /** The {@code body} layers followed by the {@code head} layers. */
    private static SequentialSpec sequential(List<LayerSpec> body, LayerSpec... head) {
        List<LayerSpec> layers = new ArrayList<>(body);
        layers.addAll(List.of(head));
        return new SequentialSpec(new SequentialParams(layers));
    }

    private static TrainParams adam() {
        return TrainParams.defaults(new CrossEntropyLoss(), new Adam(new AdamParams(0.003, 0.9, 0.999, 1e-8, 0)));
    }

    /** The first 40 sentences of the repository's sentence-polarity.tsv, written to the test folder. */
    private String labelledSentences() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../datasets/sentence-polarity.tsv"), StandardCharsets.UTF_8);
        Path file = folder.resolve("polarity-40.tsv");
        Files.write(file, lines.subList(0, 41), StandardCharsets.UTF_8);
        return file.toString();
    }
}
