package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.api.data.Dataset;
import dev.grove.api.data.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a corpus from text files and from the corpus source's token stream. */
class Word2VecCorpusTest {

    @TempDir
    Path dir;

    @Test
    void aTextFileIsSentencesOfWhitespaceSeparatedWords() throws IOException {
        Path file = dir.resolve("text.txt");
        Files.writeString(file, "the cat  sat\n\n\tthe café\r\nsat\u000bon\u001fmat", StandardCharsets.UTF_8);
        Word2VecCorpus corpus = Word2VecCorpus.read(file);
        assertThat(corpus.words()).containsExactly("the", "cat", "sat", "café", "on", "mat");
        assertThat(corpus.sentenceCount()).isEqualTo(3);
        assertThat(corpus.sentence(0)).containsExactly(0, 1, 2);
        assertThat(corpus.sentence(1)).containsExactly(0, 3);
        assertThat(corpus.sentence(2)).containsExactly(2, 4, 5);
        assertThat(corpus.count(0)).isEqualTo(2);
        assertThat(corpus.count(2)).isEqualTo(2);
        assertThat(corpus.tokenCount()).isEqualTo(8);
    }

    @Test
    void aGzipFileIsRecognisedByItsContent() throws IOException {
        Path file = dir.resolve("text.data");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("a b\nb c\n".getBytes(StandardCharsets.UTF_8));
        }
        Word2VecCorpus corpus = Word2VecCorpus.read(file);
        assertThat(corpus.words()).containsExactly("a", "b", "c");
        assertThat(corpus.sentence(1)).containsExactly(1, 2);
    }

    @Test
    void manyDistinctWordsAreInternedCorrectly() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append("w").append(i).append(' ').append("w").append(i % 7).append('\n');
        }
        Path file = dir.resolve("many.txt");
        Files.writeString(file, text);
        Word2VecCorpus corpus = Word2VecCorpus.read(file);
        assertThat(corpus.words()).hasSize(5000);
        assertThat(corpus.words().get(4999)).isEqualTo("w4999");
        // w0 … w6 start their own line once and are the second word of lines i ≡ k (mod 7): 5000 = 7·714 + 2,
        // so w0 and w1 are second words 715 times, the others 714 times.
        assertThat(corpus.count(corpus.words().indexOf("w0"))).isEqualTo(1 + 715);
        assertThat(corpus.count(corpus.words().indexOf("w3"))).isEqualTo(1 + 714);
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.write(file, new byte[] {'o', 'k', '\n', 'b', (byte) 0xff, 'd', '\n'});
        assertThatThrownBy(() -> Word2VecCorpus.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.txt line 2").hasMessageContaining("not valid UTF-8");
    }

    @Test
    void aTokenStreamDatasetEndsSentencesAtEosAndDropsUnknowns() {
        Schema schema = new Schema(List.of("token"), "token", List.of("<unk>", "</s>", "cat", "the"));
        double[] ids = {3, 2, 1, 0, 2, 1, 1, 3};
        Dataset stream = Dataset.ofFloats(toFloats(ids), ids, schema);
        Word2VecCorpus corpus = Word2VecCorpus.fromDataset(stream);
        assertThat(corpus.words()).containsExactly("the", "cat");
        assertThat(corpus.sentenceCount()).isEqualTo(3);
        assertThat(corpus.sentence(0)).containsExactly(0, 1);
        assertThat(corpus.sentence(1)).containsExactly(1);
        assertThat(corpus.sentence(2)).containsExactly(0);
        assertThat(corpus.count(1)).isEqualTo(2);
    }

    @Test
    void aDatasetThatIsNotATokenStreamIsRefusedClearly() {
        Dataset table = Dataset.of(new double[][] {{1, 2}}, null, Schema.unlabelled(List.of("x", "y")));
        assertThatThrownBy(() -> Word2VecCorpus.fromDataset(table)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("word2vec: needs a token stream").hasMessageContaining("[x, y]");
        Schema schema = new Schema(List.of("token"), null, List.of("a", "b"));
        Dataset outOfRange = Dataset.ofFloats(new float[] {0, 5}, null, schema);
        assertThatThrownBy(() -> Word2VecCorpus.fromDataset(outOfRange)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word2vec: row 1 holds token id 5.0, not an index into the 2 class labels (the vocabulary)");
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
