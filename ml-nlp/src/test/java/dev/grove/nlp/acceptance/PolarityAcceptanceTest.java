package dev.grove.nlp.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Split;
import dev.grove.api.data.Splits;
import dev.grove.api.model.Classifier;
import dev.grove.api.model.Model;
import dev.grove.api.run.InMemoryStateFiles;
import dev.grove.api.run.RunContext;
import dev.grove.classical.bayes.MultinomialNaiveBayes;
import dev.grove.classical.bayes.MultinomialNaiveBayesParams;
import dev.grove.neural.layer.LayerSpec;
import dev.grove.neural.layer.SequentialSpec;
import dev.grove.neural.network.Network;
import dev.grove.neural.network.NetworkParams;
import dev.grove.neural.optim.CosineSchedule;
import dev.grove.neural.optim.CosineScheduleParams;
import dev.grove.neural.train.TrainParams;
import dev.grove.nlp.data.CorpusParams;
import dev.grove.nlp.data.CorpusSource;
import dev.grove.nlp.data.LabelledTextParams;
import dev.grove.nlp.data.LabelledTextSource;
import dev.grove.nlp.features.BagOfWords;
import dev.grove.nlp.features.BagOfWordsModel;
import dev.grove.nlp.features.BagOfWordsParams;
import dev.grove.nlp.sequence.SequencePoolParams;
import dev.grove.nlp.sequence.SequencePoolSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Acceptance line 5 of the language issue (run with {@code ./mvnw test -Pacceptance}, GROVE_DATA
 * pointing at the folder with english-corpus.txt.gz): sentence polarity, split 80/20 stratified and
 * shuffled with seed 0 (the runtime's split of examples/polarity-finetune.yaml).
 * <ol>
 *   <li>The bag-of-words multinomial naive Bayes baseline reaches at least 0.75 (scikit-learn's
 *       CountVectorizer + MultinomialNB: 0.764).</li>
 *   <li>A small transformer encoder pretrained by masked tokens on the English corpus
 *       (examples/polarity-pretrain.yaml), then fine-tuned on the training sentences
 *       (examples/polarity-finetune.yaml with init-from, its word embedding taken from the
 *       pretrained output layer), classifies the test sentences better than the same encoder
 *       trained from scratch with the same recipe, on each of three seeds.</li>
 * </ol>
 */
@Tag("acceptance")
class PolarityAcceptanceTest {

    /** Tokens numbered alike by the corpus and the labelled sentences: these first, then by count. */
    private static final List<String> RESERVED = List.of("<unk>", "<pad>", "<mask>");
    private static final int VOCABULARY = 10000;
    /** Tokens per sentence and per corpus line (padded or cut): the positions table fits both. */
    private static final int LENGTH = 32;
    /** examples/polarity-pretrain.yaml's default: about 13 minutes on 2 cores (the whole test about 20). */
    private static final int PRETRAINING_STEPS = 5000;
    /** Fine-tuning and training from scratch are each run with these many seeds (0, 1, …). */
    private static final int SEEDS = 3;

    @Test
    void theBagOfWordsNaiveBayesBaselineReachesSeventyFivePercent() {
        Dataset all = new LabelledTextSource(LabelledTextParams.of(NlpRecipes.dataFile("sentence-polarity.tsv")))
                .load(RunContext.withSeed(0)).data();
        Dataset[] trainTest = stratifiedSplit(all);
        BagOfWordsModel bag = new BagOfWords(new BagOfWordsParams(10000, false)).fit(trainTest[0], RunContext.withSeed(0));
        Classifier nb = new MultinomialNaiveBayes(MultinomialNaiveBayesParams.defaults())
                .fit(bag.transform(trainTest[0]), RunContext.withSeed(0));

        double accuracy = NlpRecipes.accuracy(nb.predict(bag.transform(trainTest[1])), trainTest[1]);

        System.out.printf("bag-of-words + multinomial-nb test accuracy %.4f%n", accuracy);
        assertThat(accuracy).as("multinomial-nb on counts (scikit-learn: 0.764)").isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void maskedTokenPretrainingOnTheCorpusBeatsTrainingFromScratch() {
        // examples/polarity-pretrain.yaml's recipe (one padded sample per corpus line, BERT's masking), on every
        // line: the example holds 2% out to report the masked-token loss.
        String corpusFile = NlpRecipes.dataFile("english-corpus.txt.gz");
        CorpusParams corpus = CorpusParams.of(corpusFile).withReserved(RESERVED).withVocabularyLimits(1, VOCABULARY)
                .withLines(LENGTH);
        Dataset lines = new CorpusSource(corpus).load(RunContext.withSeed(0)).data();
        LayerSpec pretraining = SequentialSpec.of(NlpRecipes.embedding(64), NlpRecipes.learnedPositions(),
                NlpRecipes.encoder(4), NlpRecipes.encoder(4), NlpRecipes.layerNorm(), NlpRecipes.dense(0, "linear"));
        TrainParams masked = NlpRecipes.adam(2e-3).withWarmupSteps(300)
                .withSchedule(new CosineSchedule(CosineScheduleParams.defaults())).withMask(0.15).withBatchSize(64)
                .withSteps(PRETRAINING_STEPS);
        Model pretrained = new Network(new NetworkParams(pretraining, masked)).fit(lines, RunContext.withSeed(0));
        InMemoryStateFiles files = new InMemoryStateFiles();
        files.write(Path.of("pretrained.grove"), pretrained.state());

        // examples/polarity-finetune.yaml, numbered as the corpus, punctuation dropped as the corpus has none.
        LabelledTextParams sentences = LabelledTextParams.of(NlpRecipes.dataFile("sentence-polarity.tsv"))
                .withVocabularyFrom(corpusFile).withReserved(RESERVED).withVocabularyLimits(1, VOCABULARY)
                .withMaxLength(LENGTH).withPunctuation("strip");
        Dataset all = new LabelledTextSource(sentences).load(RunContext.withSeed(0)).data();
        assertThat(all.schema().vocabulary()).as("the sentences are numbered as the corpus was")
                .isEqualTo(lines.schema().vocabulary());
        Dataset[] trainTest = stratifiedSplit(all);
        LayerSpec classifier = SequentialSpec.of(NlpRecipes.embedding(64), NlpRecipes.learnedPositions(),
                NlpRecipes.encoder(4), NlpRecipes.encoder(4), NlpRecipes.layerNorm(),
                new SequencePoolSpec(new SequencePoolParams("mean")), NlpRecipes.dense(2, "softmax"));
        TrainParams fromScratch = NlpRecipes.adam(1e-3).withBatchSize(32).withEpochs(10).withValidation(0.1)
                .withEarlyStopping(new TrainParams.EarlyStopping("val/accuracy", 3, 0.0, true));
        TrainParams fineTuning = fromScratch.withInitFrom("pretrained.grove")
                .withInitArrays(List.of("embedding-1.weight <- dense-1.weight^T"));

        double[] scratch = new double[SEEDS];
        double[] tuned = new double[SEEDS];
        int wins = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            scratch[seed] = testAccuracy(classifier, fromScratch, trainTest, RunContext.withSeed(seed));
            tuned[seed] = testAccuracy(classifier, fineTuning, trainTest, RunContext.builder(seed).stateFiles(files).build());
            wins += tuned[seed] > scratch[seed] ? 1 : 0;
            System.out.printf("polarity encoder, seed %d: from scratch %.4f, pretrained then fine-tuned %.4f%n", seed,
                    scratch[seed], tuned[seed]);
        }
        assertThat(wins).as("seeds where the pretrained encoder wins: %s (mean %.4f) vs from scratch %s (mean %.4f)",
                Arrays.toString(tuned), mean(tuned), Arrays.toString(scratch), mean(scratch)).isEqualTo(SEEDS);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double testAccuracy(LayerSpec layers, TrainParams recipe, Dataset[] trainTest, RunContext context) {
        Classifier model = (Classifier) new Network(new NetworkParams(layers, recipe)).fit(trainTest[0], context);
        return NlpRecipes.accuracy(model.predict(trainTest[1]), trainTest[1]);
    }

    /** The runtime's {@code split: {test: 0.2, stratify: true, shuffle: true}} with seed 0: train, then test rows. */
    private static Dataset[] stratifiedSplit(Dataset all) {
        Split split = Splits.split(all, 0.2, 0, true, true, RunContext.withSeed(0).rng("split"));
        return new Dataset[] {all.view(split.train()), all.view(split.test())};
    }
}
