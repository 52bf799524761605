package dev.grove.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.run.RunContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus source on small files whose token ids are worked out by hand. */
class CorpusSourceTest {

    /**
     * Tokens: the cat sat . </s> the dog sat ! </s>. Counts: the 2, sat 2, then cat . dog ! once each
     * (in that order of appearance); </s> is reserved. Vocabulary: </s> the sat cat . dog !.
     */
    private static final String TWO_LINES = "The cat sat.\nThe dog sat!\n";
    private static final RunContext CONTEXT = RunContext.withSeed(1);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Dataset load(CorpusParams params) {
        return new CorpusSource(params).load(CONTEXT).data();
    }

    private static int[] ids(Dataset data) {
        int[] ids = new int[data.rows()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) data.feature(i, 0);
        }
        return ids;
    }

    @Test
    void aWordStreamHasOneRowPerTokenAndALineEndTokenAtEachLineBreak() throws IOException {
        Dataset data = load(CorpusParams.of(write("two.txt", TWO_LINES).toString()));
        assertThat(data.schema().vocabulary()).containsExactly("</s>", "the", "sat", "cat", ".", "dog", "!");
        assertThat(data.schema().classLabels()).isEqualTo(data.schema().vocabulary());
        assertThat(data.schema().featureNames()).containsExactly("token");
        assertThat(data.schema().sampleShape()).containsExactly(1);
        assertThat(ids(data)).containsExactly(1, 3, 2, 4, 0, 1, 5, 2, 6, 0);
        assertThat(data.labels()).containsExactly(1, 3, 2, 4, 0, 1, 5, 2, 6, 0);
    }

    @Test
    void droppedLineBreaksLeaveNoLineEndToken() throws IOException {
        Dataset data = load(CorpusParams.of(write("two.txt", TWO_LINES).toString()).withLineBreaks("drop"));
        assertThat(data.schema().vocabulary()).containsExactly("the", "sat", "cat", ".", "dog", "!");
        assertThat(ids(data)).containsExactly(0, 2, 1, 3, 0, 4, 1, 5);
    }

    @Test
    void minCountMapsRareTokensToTheUnknownTokenAtIdZero() throws IOException {
        Dataset data = load(CorpusParams.of(write("two.txt", TWO_LINES).toString()).withVocabularyLimits(2, 0));
        assertThat(data.schema().vocabulary()).containsExactly("<unk>", "</s>", "the", "sat");
        assertThat(ids(data)).containsExactly(2, 0, 3, 0, 1, 2, 0, 3, 0, 1);
    }

    @Test
    void theCharUnitMakesEveryCharacterATokenTheLineBreakIncluded() throws IOException {
        // h e l l o \n: l twice, then h e o \n once each.
        Dataset data = load(CorpusParams.of(write("hello.txt", "hello\n").toString()).withUnit("char"));
        assertThat(data.schema().vocabulary()).containsExactly("l", "h", "e", "o", "\n");
        assertThat(ids(data)).containsExactly(1, 2, 0, 0, 3, 4);
    }

    @Test
    void theBpeUnitLearnsPiecesFromTheFile() throws IOException {
        String text = "low low low low low lower lower\nnewest newest newest newest newest newest\n"
                + "widest widest widest\n";
        CorpusSource source = new CorpusSource(CorpusParams.of(write("bpe.txt", text).toString()).withUnit("bpe")
                .withVocabSize(1000));
        TokenizedCorpus corpus = source.tokenize(CONTEXT);
        // With every merge learned (see BpeTokenizerTest), each word is one piece.
        assertThat(corpus.vocabulary().tokens()).containsExactly("</s>", "newest</w>", "low</w>", "widest</w>",
                "lower</w>");
        assertThat(corpus.tokenizer().join(corpus.vocabulary().decode(corpus.ids())))
                .isEqualTo(text);
    }

    @Test
    void aGzipFileGivesTheSameRows() throws IOException {
        Path gz = dir.resolve("two.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(TWO_LINES.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(ids(load(CorpusParams.of(gz.toString())))).containsExactly(1, 3, 2, 4, 0, 1, 5, 2, 6, 0);
    }

    @Test
    void linesModePadsAndCutsEachNonEmptyLine() throws IOException {
        // Lines a b c | (empty) | b c | c d e f g. Counts: c 3, b 2, then a d e f g once each.
        Path file = write("lines.txt", "a b c\n\nb c\nc d e f g\n");
        Dataset data = load(CorpusParams.of(file.toString()).withLines(3));
        assertThat(data.schema().vocabulary()).containsExactly("<pad>", "c", "b", "a", "d", "e", "f", "g");
        assertThat(data.schema().featureNames()).containsExactly("t0", "t1", "t2");
        assertThat(data.schema().sampleShape()).containsExactly(3);
        assertThat(data.hasTargets()).isFalse();
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.featureMatrix()).containsExactly(3, 2, 1, 2, 1, 0, 1, 4, 5);
    }

    @Test
    void anEmptyFileHoldsNoTokens() throws IOException {
        Path empty = write("empty.txt", "");
        assertThatThrownBy(() -> load(CorpusParams.of(empty.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("corpus: " + empty + " holds no tokens");
        Path blank = write("blank.txt", " \n\n \n");
        assertThatThrownBy(() -> load(CorpusParams.of(blank.toString()))).hasMessageContaining("holds no tokens");
        assertThatThrownBy(() -> load(CorpusParams.of(blank.toString()).withLines(4)))
                .hasMessageContaining("holds no tokens");
    }

    @Test
    void aMissingFileNamesEveryPlaceLookedAt() {
        String missing = dir.resolve("nowhere.txt").toString();
        assertThatThrownBy(() -> load(CorpusParams.of(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corpus: file '" + missing + "' not found")
                .hasMessageContaining("looked at " + Path.of(missing).toAbsolutePath().normalize());
    }

    @Test
    void textThatIsNotUtf8IsRejected() throws IOException {
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xe9, '\n'});
        assertThatThrownBy(() -> load(CorpusParams.of(latin1.toString())))
                .hasMessageContaining("is not UTF-8").hasMessageContaining("byte offset 3");
    }

    @Test
    void badParamsAreRejectedByName() {
        assertThatThrownBy(() -> CorpusParams.of("x.txt").withUnit("byte"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unit must be one of char, word, bpe, got 'byte'");
        assertThatThrownBy(() -> CorpusParams.of("x.txt").withVocabularyLimits(0, 0)).hasMessageContaining("min-count");
        assertThatThrownBy(() -> CorpusParams.of(" ")).hasMessageContaining("path is required");
    }

    @Test
    void tinyShakespeareAsCharactersHasItsSixtyFiveSymbols() {
        Path file = Path.of("..", "datasets", "tinyshakespeare.txt");
        Dataset data = load(CorpusParams.of(file.toString()).withUnit("char"));
        assertThat(data.rows()).isEqualTo(1_115_394);
        assertThat(data.schema().vocabulary()).hasSize(65).startsWith(" ", "e");
        assertThat(List.of(data.schema().vocabulary().get((int) data.feature(0, 0)))).containsExactly("F");
    }
}
