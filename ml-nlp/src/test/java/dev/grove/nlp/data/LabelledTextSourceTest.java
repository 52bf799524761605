package dev.grove.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The labelled-text source on a TSV tokenized by hand and on the sentence-polarity set. */
class LabelledTextSourceTest {

    private static final RunContext CONTEXT = RunContext.withSeed(1);

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("set.tsv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Dataset load(LabelledTextParams params) {
        return new LabelledTextSource(params).load(CONTEXT).data();
    }

    @Test
    void eachRowIsAPaddedSampleWithItsLabelIndex() throws IOException {
        // Tokens: good film | bad film | good → good 2, film 2, bad 1; labels sorted: neg, pos.
        Path file = write("label\ttext\npos\tGood film\nneg\tBad film\npos\tgood\n");
        Dataset data = load(LabelledTextParams.of(file.toString()).withMaxLength(2));
        assertThat(data.schema().classLabels()).containsExactly("neg", "pos");
        assertThat(data.schema().targetName()).isEqualTo("label");
        assertThat(data.schema().vocabulary()).containsExactly("<pad>", "good", "film", "bad");
        assertThat(data.schema().sampleShape()).containsExactly(2);
        assertThat(data.labels()).containsExactly(1, 0, 1);
        assertThat(data.featureMatrix()).containsExactly(1, 2, 3, 2, 1, 0);
    }

    @Test
    void aVocabularyFromAnotherTextNumbersTokensAsTheCorpusSourceDoesOnIt() throws IOException {
        Path corpus = dir.resolve("corpus.txt");
        Files.writeString(corpus, "the film was good\nthe plot was thin\nthe end\n", StandardCharsets.UTF_8);
        List<String> reserved = List.of("<unk>", "<pad>", "<mask>");
        Dataset stream = new CorpusSource(CorpusParams.of(corpus.toString()).withLineBreaks("drop").withReserved(reserved))
                .load(CONTEXT).data();
        Path file = write("label\ttext\npos\tthe film was superb\n");

        Dataset rows = load(LabelledTextParams.of(file.toString()).withMaxLength(5).withReserved(reserved)
                .withVocabularyFrom(corpus.toString()));

        // Counts in the corpus: the 3, was 2, then film, good, plot, thin, end once each (first appearance).
        assertThat(stream.schema().vocabulary())
                .containsExactly("<unk>", "<pad>", "<mask>", "the", "was", "film", "good", "plot", "thin", "end");
        assertThat(rows.schema().vocabulary()).isEqualTo(stream.schema().vocabulary());
        // "superb" is not in the corpus: <unk> (id 0); then one <pad> (id 1).
        assertThat(rows.featureMatrix()).containsExactly(3, 5, 4, 0, 1);
    }

    @Test
    void aVocabularyFromAnotherTextNeedsAnUnknownToken() throws IOException {
        Path corpus = dir.resolve("corpus.txt");
        Files.writeString(corpus, "the film\n", StandardCharsets.UTF_8);
        Path file = write("label\ttext\npos\tthe film\n");

        assertThatThrownBy(() -> load(LabelledTextParams.of(file.toString()).withVocabularyFrom(corpus.toString())))
                .hasMessageContaining("vocabulary-from " + corpus + " needs <unk> in the vocabulary")
                .hasMessageContaining("list it in reserved");
    }

    @Test
    void columnsMayBeNamedAndOrderedFreely() throws IOException {
        Path file = write("id\tsentence\tpolarity\n1\ta b b\tx\n2\tb\ty\n");
        Dataset data = load(LabelledTextParams.of(file.toString()).withColumns("polarity", "sentence")
                .withMaxLength(3));
        assertThat(data.schema().classLabels()).containsExactly("x", "y");
        assertThat(data.schema().vocabulary()).containsExactly("<pad>", "b", "a");
        assertThat(data.featureMatrix()).containsExactly(2, 1, 1, 1, 0, 0);
    }

    @Test
    void rareTokensBecomeTheUnknownTokenBeforeThePadding() throws IOException {
        Path file = write("label\ttext\npos\tGood film\nneg\tBad film\npos\tgood\n");
        Dataset data = load(LabelledTextParams.of(file.toString()).withMaxLength(2).withVocabularyLimits(2, 0));
        assertThat(data.schema().vocabulary()).containsExactly("<unk>", "<pad>", "good", "film");
        assertThat(data.featureMatrix()).containsExactly(2, 3, 0, 3, 2, 1);
    }

    @Test
    void readsTheSentencePolaritySet() throws IOException {
        Path file = Path.of("..", "datasets", "sentence-polarity.tsv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Dataset data = load(LabelledTextParams.of(file.toString()));
        assertThat(data.rows()).isEqualTo(10_662);
        assertThat(data.schema().classLabels()).containsExactly("neg", "pos");
        assertThat(Arrays.stream(data.labels()).filter(label -> label == 1).count()).isEqualTo(5_331);
        // The file is already tokenized with spaces: its first text cut at spaces is what the first sample holds.
        String firstText = lines.get(1).split("\t")[1];
        List<String> expected = new ArrayList<>(List.of(firstText.split(" ")));
        List<String> vocabulary = data.schema().vocabulary();
        List<String> first = new ArrayList<>();
        for (int t = 0; t < expected.size(); t++) {
            first.add(vocabulary.get((int) data.feature(0, t)));
        }
        assertThat(first).isEqualTo(expected);
        assertThat(vocabulary.get((int) data.feature(0, expected.size()))).isEqualTo("<pad>");
        assertThat(data.label(0)).isZero();
    }

    @Test
    void missingColumnsAreReportedWithTheHeader() throws IOException {
        Path file = write("polarity\tsentence\npos\tgood\n");
        assertThatThrownBy(() -> load(LabelledTextParams.of(file.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'label' (label-column)")
                .hasMessageContaining("[polarity, sentence]");
    }

    @Test
    void aMalformedRowIsReportedWithItsLineNumber() throws IOException {
        Path file = write("label\ttext\npos\tgood\nneg bad\n");
        assertThatThrownBy(() -> load(LabelledTextParams.of(file.toString())))
                .hasMessageContaining("line 3 has 1 tab-separated field but the header has 2");
        Path emptyLabel = write("label\ttext\npos\tgood\n\tbad\n");
        assertThatThrownBy(() -> load(LabelledTextParams.of(emptyLabel.toString())))
                .hasMessageContaining("line 3: the label (column 'label') is empty");
    }

    @Test
    void aHeaderWithoutRowsOrAnEmptyFileIsRejected() throws IOException {
        Path header = write("label\ttext\n");
        assertThatThrownBy(() -> load(LabelledTextParams.of(header.toString()))).hasMessageContaining("no rows");
        Path empty = write("");
        assertThatThrownBy(() -> load(LabelledTextParams.of(empty.toString()))).hasMessageContaining("the file is empty");
    }
}
