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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The {@code labelled-text} data source: a tab-separated file with a header row, one labelled text
 * per row (e.g. {@code sentence-polarity.tsv}: {@code label<TAB>text}), for text classification.
 * Each row is one sample: its text cut into tokens by {@code unit} as in the {@code corpus} source,
 * the token ids cut or padded with {@code <pad>} to {@code max-length} (features
 * {@code t0 .. t{max-length - 1}}, sample shape [max-length]); the target is the index of the row's
 * label among the file's distinct labels in sorted order (the class labels). The schema carries the
 * vocabulary.
 *
 * <p><b>The vocabulary is built from the whole file</b> (and for {@code bpe} the merges are learned
 * from all its texts) before the run splits the rows, unless {@code vocabulary-from} names another
 * text file to build it from (tokenized with the same settings, as the {@code corpus} source does
 * with line breaks dropped: with the same {@code reserved} list, min-count and max-size, both number
 * tokens alike, so a network pretrained on that corpus takes these rows). Ids run: {@code <unk>}
 * first when {@code min-count} or {@code max-size} leave tokens out and {@code reserved} does not
 * place it, then the {@code reserved} list, then {@code <pad>} unless listed, then tokens by
 * decreasing count, ties by first appearance. A row with an empty text is all {@code <pad>}.
 *
 * <p>The file is read strictly: every row has as many fields as the header, no label is empty, and
 * an error names the file and the line.
 */
public final class LabelledTextSource implements DataSource {

    /** The component name, as messages give it. */
    public static final String NAME = "labelled-text";

    private final LabelledTextParams params;

    /** A source reading what {@code params} say. */
    public LabelledTextSource(LabelledTextParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** The params this source reads with. */
    public LabelledTextParams params() {
        return params;
    }

    @Override
    public LoadedData load(RunContext context) {
        TextFile file = TextFile.read(context, params.path(), NAME);
        TsvTable table = new TsvTable(file);
        int labelColumn = table.column(params.labelColumn(), "label-column");
        int textColumn = table.column(params.textColumn(), "text-column");
        int n = table.rowCount();
        List<String> texts = new ArrayList<>(n);
        TreeSet<String> distinctLabels = new TreeSet<>();
        for (int row = 0; row < n; row++) {
            String label = table.cell(row, labelColumn);
            if (label.isBlank()) {
                throw file.problem("line " + TsvTable.line(row) + ": the label (column '" + params.labelColumn()
                        + "') is empty");
            }
            distinctLabels.add(label);
            texts.add(table.cell(row, textColumn));
        }
        TextFile vocabularyText = params.vocabularyFrom() == null ? null
                : TextFile.read(context, params.vocabularyFrom(), NAME);
        Tokenizer tokenizer = TextUnits.tokenizer(params.unit(), params.lowercase(), params.punctuation(),
                params.vocabSize(), false, vocabularyText == null ? String.join("\n", texts) : vocabularyText.text());
        LineDocuments documents = new LineDocuments(tokenizer, texts);
        if (documents.counts().size() == 0) {
            throw new IllegalArgumentException(NAME + ": " + file.path() + " holds no tokens: every text (column '"
                    + params.textColumn() + "') is empty");
        }
        Vocabulary vocabulary = Vocabulary.build(vocabularyText == null ? documents.counts() : counts(tokenizer, vocabularyText),
                params.minCount(), params.maxSize(), ReservedTokens.of(params.reserved(), Vocabulary.PAD));
        if (vocabularyText != null && !vocabulary.hasUnknown()) {
            throw new IllegalArgumentException(NAME + ": vocabulary-from " + params.vocabularyFrom() + " needs "
                    + Vocabulary.UNKNOWN + " in the vocabulary, to stand for tokens of this file that the other text lacks;"
                    + " list it in reserved (on both sources, so they number tokens alike)");
        }
        if (vocabulary.size() > Encodings.MAX_EXACT_ID) {
            throw file.problem(vocabulary.size() + " distinct tokens are more than ids stored as floats can number"
                    + " exactly (2^24); raise min-count or set max-size");
        }
        List<String> classLabels = List.copyOf(distinctLabels);
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int c = 0; c < classLabels.size(); c++) {
            labelIndex.put(classLabels.get(c), c);
        }
        int length = params.maxLength();
        int padId = vocabulary.id(Vocabulary.PAD);
        float[] features = new float[n * length];
        double[] targets = new double[n];
        for (int row = 0; row < n; row++) {
            documents.encode(row, vocabulary, length, padId, features, row * length);
            targets[row] = labelIndex.get(table.cell(row, labelColumn));
        }
        Schema schema = new Schema(LineDocuments.positionNames(length), params.labelColumn(), classLabels,
                List.of(length), vocabulary.tokens(), tokenizer.description());
        return LoadedData.single(Dataset.ofFloats(features, targets, schema));
    }

    /** The tokens of {@code text} counted as the corpus source counts a stream with line breaks dropped. */
    private static TokenCounts counts(Tokenizer tokenizer, TextFile text) {
        TokenCounts counts = new TokenCounts();
        tokenizer.tokenize(text.text(), counts::add);
        if (counts.size() == 0) {
            throw new IllegalArgumentException(NAME + ": vocabulary-from " + text.path() + " holds no tokens");
        }
        return counts;
    }
}
