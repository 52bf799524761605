/**
 * word2vec: skip-gram and CBOW word vectors with negative sampling, as word2vec.c and gensim train
 * them, plus nearest neighbours, analogies, the standard evaluations and the word2vec text format.
 *
 * <h2>Plain Java</h2>
 * <pre>{@code
 * Word2VecCorpus corpus = Word2VecCorpus.read(Path.of("english-corpus.txt.gz"));   // one sentence per line
 * WordVectors vectors = new Word2Vec(Word2VecParams.defaults().withThreads(2)).train(corpus);
 * vectors.nearest("paris", 10);
 * vectors.analogy("king", "man", "woman", 1);                                     // king - man + woman
 * vectors.evaluateAnalogies(Path.of("questions-words.txt"), 30_000).accuracy();
 * vectors.evaluateSimilarities(Path.of("wordsim353.tsv")).spearman();
 * vectors.writeText(Path.of("vectors.txt"));
 * }</pre>
 *
 * <h2>As a component</h2>
 * The {@code word2vec} estimator ({@link dev.grove.nlp.word2vec.Word2VecEstimator}) trains on the
 * token stream of the {@code corpus} source (one row per token, the vocabulary as class labels,
 * {@code </s>} ending each line); with {@code analogies:} and {@code similarities:} files it reports
 * {@code analogy-accuracy} and {@code wordsim-spearman} in history.csv (last epoch's row) and in
 * metrics.json ({@code model/analogy-accuracy}, {@code model/wordsim-spearman}).
 *
 * <h2>Reproducibility</h2>
 * With {@code threads: 1} a training is bitwise reproducible for a seed. With more threads it is
 * not: as in word2vec.c and gensim, the threads update the shared vectors without locks (Hogwild),
 * so the exact numbers depend on how the threads interleave; the quality does not.
 *
 * <h2>Fidelity to the references</h2>
 * The vocabulary (min-count, sorted by decreasing count), frequent-word subsampling, dropping
 * unknown and subsampled words before windowing, reduced windows, the sigmoid table, the update
 * rules, CBOW's mean of the context, and the linear learning-rate decay follow word2vec.c and gensim.
 * Two deliberate differences: negatives are drawn from an exact alias table of the unigram^0.75
 * distribution rather than word2vec.c's 10^8-slot table (same distribution, cache-resident), and
 * each thread uses a SplitMix64 stream rather than word2vec.c's linear congruential generator.
 */
package dev.grove.nlp.word2vec;
