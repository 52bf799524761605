package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.grove.api.run.RunContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 6, acceptance 4 (run with {@code ./mvnw test -Pacceptance} and GROVE_DATA, or
 * {@code -Dgrove.data}, pointing at the folder with english-corpus.txt.gz, questions-words.txt and
 * wordsim353.tsv): word2vec with gensim's recipe (dim 100, window 5, negative 5, sample 1e-3,
 * min-count 5, 5 epochs, 2 threads) reaches gensim's figures minus 0.02
 * (/work/shared/reference/gensim-word2vec.json): analogy accuracy over the 30,000 most frequent
 * words and WordSim353 Spearman correlation.
 */
@Tag("acceptance")
class Word2VecAcceptanceTest {

    private static final RunContext DATA = RunContext.withSeed(0);
    private static Word2VecCorpus corpus;

    @BeforeAll
    static void read() throws IOException {
        Path file = DATA.resolvePath("english-corpus.txt.gz");
        assumeTrue(Files.exists(file), "english corpus not found: set GROVE_DATA (or -Dgrove.data) to the folder"
                + " holding english-corpus.txt.gz, questions-words.txt and wordsim353.tsv");
        corpus = Word2VecCorpus.read(file);
    }

    @Test
    void skipGramReachesGensimsFigures() throws IOException {
        check(Word2VecParams.SKIP_GRAM, 0.125, 0.384);
    }

    @Test
    void cbowReachesGensimsFigures() throws IOException {
        check(Word2VecParams.CBOW, 0.0889, 0.2987);
    }

    private static void check(String mode, double gensimAnalogy, double gensimSpearman) throws IOException {
        long start = System.nanoTime();
        WordVectors vectors = new Word2Vec(Word2VecParams.defaults(mode).withThreads(2)).train(corpus);
        double seconds = (System.nanoTime() - start) / 1e9;
        double analogy = vectors.evaluateAnalogies(DATA.resolvePath("questions-words.txt"), 30_000).accuracy();
        double spearman = vectors.evaluateSimilarities(DATA.resolvePath("wordsim353.tsv")).spearman();
        System.out.printf(Locale.ROOT, "word2vec %s: %d words, analogy %.4f (gensim %.4f), WordSim353 Spearman %.4f"
                        + " (gensim %.4f), %.1f s, %,.0f words/s%n", mode, vectors.size(), analogy, gensimAnalogy, spearman,
                gensimSpearman, seconds, corpus.tokenCount() * 5 / seconds);
        assertThat(vectors.size()).as("vocabulary (gensim: 30,022)").isEqualTo(30_022);
        assertThat(analogy).as(mode + " analogy accuracy (gensim %.4f)", gensimAnalogy)
                .isGreaterThanOrEqualTo(gensimAnalogy - 0.02);
        assertThat(spearman).as(mode + " WordSim353 Spearman (gensim %.4f)", gensimSpearman)
                .isGreaterThanOrEqualTo(gensimSpearman - 0.02);
    }
}
