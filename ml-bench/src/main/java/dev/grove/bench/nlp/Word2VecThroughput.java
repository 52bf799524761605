package dev.grove.bench.nlp;

import dev.grove.api.run.RunContext;
import dev.grove.nlp.word2vec.Word2Vec;
import dev.grove.nlp.word2vec.Word2VecCorpus;
import dev.grove.nlp.word2vec.Word2VecParams;
import dev.grove.nlp.word2vec.WordVectors;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * word2vec training throughput on english-corpus.txt.gz, measured as gensim's reference script does
 * (/work/shared/reference/word2vec_ref_gensim.py): the corpus is loaded first, then the clock runs
 * over vocabulary building and all epochs, and words per second = corpus words × epochs / seconds.
 * gensim 4 with 2 workers measured 323,565 words/s for skip-gram and 1,104,829 for CBOW on this
 * machine; the goal is at least half of each.
 *
 * <p>Arguments: the corpus file (default: english-corpus.txt.gz in the data directory,
 * {@code -Dgrove.data} or GROVE_DATA, else {@code datasets/}), the modes ({@code skip-gram},
 * {@code cbow} or {@code both}, the default), the thread count (default 2) and the epochs (default 5).
 * Run it on an otherwise idle machine: any other busy process on the two cores halves the figures.
 * The CPU seconds the process used are printed too: on a shared machine, words per CPU-second
 * still say how fast the code is where wall-clock words per second do not.
 */
public final class Word2VecThroughput {

    private static final double GENSIM_SKIP_GRAM = 323_565;
    private static final double GENSIM_CBOW = 1_104_829;

    private Word2VecThroughput() {
    }

    /** CPU time of the whole process (all threads, JIT and GC included). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        Path corpusFile = args.length > 0 ? Path.of(args[0])
                : RunContext.dataDirectory().orElse(Path.of("datasets")).resolve("english-corpus.txt.gz");
        String which = args.length > 1 ? args[1] : "both";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        if (!Files.isRegularFile(corpusFile)) {
            throw new IllegalArgumentException("word2vec benchmark: no corpus at " + corpusFile
                    + "; pass its path or set GROVE_DATA to the folder holding english-corpus.txt.gz");
        }
        long start = System.nanoTime();
        Word2VecCorpus corpus = Word2VecCorpus.read(corpusFile);
        System.out.printf(Locale.ROOT, "read %s in %.2f s: %s%n", corpusFile, (System.nanoTime() - start) / 1e9, corpus);
        System.out.printf(Locale.ROOT, "%d threads, %d epochs, max heap %d MiB%n", threads, epochs,
                Runtime.getRuntime().maxMemory() >> 20);
        List<String> modes = which.equals("both") ? List.of(Word2VecParams.SKIP_GRAM, Word2VecParams.CBOW) : List.of(which);
        for (String mode : modes) {
            Word2VecParams params = Word2VecParams.defaults(mode).withThreads(threads).withEpochs(epochs);
            long cpuBegin = processCpuNanos();
            long begin = System.nanoTime();
            WordVectors vectors = new Word2Vec(params).train(corpus);
            double seconds = (System.nanoTime() - begin) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuBegin) / 1e9;
            double wordsPerSecond = corpus.tokenCount() * (double) epochs / seconds;
            double gensim = mode.equals(Word2VecParams.CBOW) ? GENSIM_CBOW : GENSIM_SKIP_GRAM;
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "%-9s %,d words in %.1f s: %,.0f words/s (gensim %,.0f: %.2fx); %.1f CPU-seconds,"
                            + " %,.0f words per CPU-second; %d words, heap in use %d MiB%n", mode,
                    corpus.tokenCount() * epochs, seconds, wordsPerSecond, gensim, wordsPerSecond / gensim, cpuSeconds,
                    corpus.tokenCount() * epochs / cpuSeconds, vectors.size(),
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        }
    }
}
