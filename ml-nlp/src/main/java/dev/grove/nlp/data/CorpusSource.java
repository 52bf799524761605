package dev.grove.nlp.data;

import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import dev.grove.nlp.text.Encodings;
import dev.grove.nlp.text.TokenCounts;
import dev.grove.nlp.text.Tokenizer;
import dev.grove.nlp.text.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code corpus} data source: a text file (UTF-8, gzip or not) cut into tokens by {@code unit}
 * ({@code char}, {@code word} or {@code bpe}) and numbered by a {@link Vocabulary}.
 *
 * <p><b>Stream mode</b> ({@code documents: stream}, the default): one row per token in text order,
 * one feature {@value #FEATURE} holding the token id (as a float) and the target, also named
 * {@value #TARGET}, holding the same id; a language model trains on windows of consecutive rows
 * (x = rows [i, i+T), y = rows [i+1, i+T+1]), and the run's {@code split} with
 * {@code stratify: false, shuffle: false} splits by position (the targets are class indices, so
 * without {@code stratify: false} the split would be taken within each token's rows). The schema's class labels and its vocabulary are both
 * the vocabulary's tokens (id i is token i), and a sample has shape [1]. For the word and bpe units,
 * {@code line-breaks: keep} puts the reserved token {@code </s>} at each line end (each
 * {@code '\n'}, blank lines included, as word2vec.c does); for the char unit a line break is simply a
 * character.
 *
 * <p><b>Lines mode</b> ({@code documents: lines}): one sample per line that has at least one token,
 * its token ids cut or padded with the reserved token {@code <pad>} to {@code max-length}; features
 * {@code t0 .. t{max-length - 1}}, sample shape [max-length], no target, the vocabulary in the
 * schema. Line ends only separate samples here, whatever {@code line-breaks} says.
 *
 * <p><b>The vocabulary is built from the whole file</b> (and for {@code bpe} the merges are learned
 * from it) before the run splits the rows, so validation and test tokens have ids of their own. Ids
 * run: reserved tokens first ({@code <unk>} when {@code min-count} or {@code max-size} leave tokens
 * out and {@code reserved} does not place it, then the {@code reserved} list, then {@code <pad>} in
 * lines mode and {@code </s>} in stream mode with line breaks kept, unless listed),
 * then tokens by decreasing count, ties by first appearance.
 */
public final class CorpusSource implements DataSource {

    /** The component name, as messages give it. */
    public static final String NAME = "corpus";
    /** The feature of a stream: the token id. */
    public static final String FEATURE = "token";
    /** The target of a stream: the same token id (a language model shifts it by one step). */
    public static final String TARGET = "token";

    private final CorpusParams params;

    /** A source reading what {@code params} say. */
    public CorpusSource(CorpusParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params this source reads with. */
    public CorpusParams params() {
        return params;
    }

    @Override
    public LoadedData load(RunContext context) {
        if (params.documents().equals("lines")) {
            return LoadedData.single(lines(TextFile.read(context, params.path(), NAME)));
        }
        TokenizedCorpus corpus = tokenize(context);
        int[] ids = corpus.ids();
        float[] features = Encodings.indices(ids);
        double[] targets = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            targets[i] = ids[i];
        }
        List<String> tokens = corpus.vocabulary().tokens();
        Schema schema = new Schema(List.of(FEATURE), TARGET, tokens, List.of(1), tokens, corpus.tokenizer().description());
        return LoadedData.single(Dataset.ofFloats(features, targets, schema));
    }

    /**
     * The file as a stream of token ids (stream mode), with its tokenizer and vocabulary.
     *
     * @throws IllegalArgumentException if the file is missing or unreadable, or holds no tokens
     */
    public TokenizedCorpus tokenize(RunContext context) {
        TextFile file = TextFile.read(context, params.path(), NAME);
        boolean marksLines = !params.unit().equals("char") && params.lineBreaks().equals("keep");
        Tokenizer tokenizer = TextUnits.tokenizer(params.unit(), params.lowercase(), params.punctuation(),
                params.vocabSize(), marksLines, file.text());
        TokenCounts counts = new TokenCounts();
        IntSequence indices = new IntSequence();
        tokenizer.tokenize(file.text(), token -> indices.add(counts.add(token)));
        if (counts.total() == (marksLines ? counts.count(Tokenizer.LINE_END) : 0)) {
            throw noTokens(file);
        }
        List<String> reserved = marksLines ? ReservedTokens.of(params.reserved(), Tokenizer.LINE_END)
                : ReservedTokens.of(params.reserved());
        Vocabulary vocabulary = vocabulary(counts, reserved, file);
        int[] idOfIndex = new int[counts.size()];
        for (int i = 0; i < idOfIndex.length; i++) {
            idOfIndex[i] = vocabulary.id(counts.token(i));
        }
        int[] ids = new int[indices.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = idOfIndex[indices.get(i)];
        }
        return new TokenizedCorpus(tokenizer, vocabulary, ids);
    }

    private Dataset lines(TextFile file) {
        Tokenizer tokenizer = TextUnits.tokenizer(params.unit(), params.lowercase(), params.punctuation(),
                params.vocabSize(), false, file.text());
        LineDocuments documents = new LineDocuments(tokenizer, LineDocuments.split(file.text()));
        List<Integer> kept = new ArrayList<>();
        for (int line = 0; line < documents.lineCount(); line++) {
            if (!documents.isEmpty(line)) {
                kept.add(line);
            }
        }
        if (kept.isEmpty()) {
            throw noTokens(file);
        }
        Vocabulary vocabulary = vocabulary(documents.counts(), ReservedTokens.of(params.reserved(), Vocabulary.PAD), file);
        int length = params.maxLength();
        float[] features = new float[kept.size() * length];
        int padId = vocabulary.id(Vocabulary.PAD);
        for (int k = 0; k < kept.size(); k++) {
            documents.encode(kept.get(k), vocabulary, length, padId, features, k * length);
        }
        Schema schema = new Schema(LineDocuments.positionNames(length), null, List.of(), List.of(length),
                vocabulary.tokens(), tokenizer.description());
        return Dataset.ofFloats(features, null, schema);
    }

    private Vocabulary vocabulary(TokenCounts counts, List<String> reserved, TextFile file) {
        Vocabulary vocabulary = Vocabulary.build(counts, params.minCount(), params.maxSize(), reserved);
        if (vocabulary.size() > Encodings.MAX_EXACT_ID) {
            throw file.problem(vocabulary.size() + " distinct tokens are more than ids stored as floats can number"
                    + " exactly (2^24); raise min-count or set max-size");
        }
        return vocabulary;
    }

    private IllegalArgumentException noTokens(TextFile file) {
        return new IllegalArgumentException(NAME + ": " + file.path() + " holds no tokens (unit " + params.unit()
                + "); the file is empty" + (params.unit().equals("char") ? "" : " or only white space"
                + (params.punctuation().equals("strip") ? " and punctuation" : "")));
    }
}
