package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors, neighbours, analogies and the word2vec text format on handmade vectors. */
class WordVectorsTest {

    private static final double CLOSE = 1e-6;

    @TempDir
    Path dir;

    private final WordVectors vectors = HandVectors.royalty();

    @Test
    void nearestRanksByCosineWithoutTheWordItself() {
        // queen·king = 3 / (√3·√5) = 0.775; queen·King = 1.35 / (√3·√1.2125) = 0.708;
        // queen·man = queen·woman = queen·apple = 1/√3 (ties: the more frequent word first).
        List<Neighbour> nearest = vectors.nearest("queen", 3);
        assertThat(nearest).extracting(Neighbour::word).containsExactly("king", "King", "man");
        assertThat(nearest.get(0).similarity()).isCloseTo(3 / Math.sqrt(15), within(CLOSE));
        assertThat(nearest.get(1).similarity()).isCloseTo(1.35 / Math.sqrt(3 * 1.2125), within(CLOSE));
        assertThat(nearest.get(2).similarity()).isCloseTo(1 / Math.sqrt(3), within(CLOSE));
        assertThat(vectors.similarity("king", "man")).isCloseTo(2 / Math.sqrt(5), within(CLOSE));
        assertThat(vectors.vector("queen")).containsExactly(1f, 1f, 1f);
    }

    /**
     * king − man + woman over unit vectors: q = (2/√5 − 1, 1, 1/√5). Without king, man and woman, the
     * closest are "King" (almost parallel to q) and queen, q·(1, 1, 1)/√3 / |q|.
     */
    @Test
    void analogyAddsAndSubtractsUnitVectors() {
        double[] q = {2 / Math.sqrt(5) - 1, 1, 1 / Math.sqrt(5)};
        double norm = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2]);
        List<Neighbour> answers = vectors.analogy("king", "man", "woman", 2);
        assertThat(answers).extracting(Neighbour::word).containsExactly("King", "queen");
        assertThat(answers.get(1).similarity()).isCloseTo((q[0] + q[1] + q[2]) / Math.sqrt(3) / norm, within(CLOSE));
    }

    @Test
    void aMissingWordIsNamedWithTheVocabularySize() {
        assertThatThrownBy(() -> vectors.nearest("xyzzy", 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word2vec: 'xyzzy' is not in the vocabulary (7 words)");
        assertThatThrownBy(() -> vectors.analogy("king", "xyzzy", "woman", 1))
                .hasMessageContaining("'xyzzy' is not in the vocabulary");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            many.add("w" + i);
        }
        assertThatThrownBy(() -> new WordVectors(many, new float[1234], 1).vector("w1234"))
                .hasMessage("word2vec: 'w1234' is not in the vocabulary (1,234 words)");
        assertThatThrownBy(() -> vectors.nearest("king", 0)).hasMessageContaining("k must be at least 1");
    }

    @Test
    void badConstructionIsRefused() {
        assertThatThrownBy(() -> new WordVectors(List.of("a", "b"), new float[5], 2))
                .hasMessage("word2vec: 5 vector values do not hold 2 words × dim 2");
        assertThatThrownBy(() -> new WordVectors(List.of("a", "a"), new float[4], 2))
                .hasMessage("word2vec: the word 'a' appears twice (at 0 and 1)");
    }

    @Test
    void theTextFormatRoundTripsEveryFloatExactly() throws IOException {
        float[] values = {1f / 3, -0f, 1e-30f, -123456.79f, Float.MIN_VALUE, 0.1f};
        WordVectors original = new WordVectors(List.of("é", "b"), values, 3);
        Path file = dir.resolve("vectors.txt");
        original.writeText(file);
        assertThat(Files.readAllLines(file).get(0)).isEqualTo("2 3");
        assertThat(Files.readAllLines(file).get(1)).startsWith("é 0.33333334 -0.0 1.0E-30");
        WordVectors read = WordVectors.readText(file);
        assertThat(read.words()).containsExactly("é", "b");
        assertThat(read.vector("é")).containsExactly(1f / 3, -0f, 1e-30f);
        assertThat(read.vector("b")).containsExactly(-123456.79f, Float.MIN_VALUE, 0.1f);
    }

    @Test
    void malformedTextFilesNameTheLine() throws IOException {
        assertThat(readError("two words\na 1 2\n")).isEqualTo("line 1: expected the header 'count dim' (two whole numbers,"
                + " dim at least 1), got 'two words'");
        assertThat(readError("2 2\na 1 2\nb 1\n")).isEqualTo("line 3: expected the word and 2 numbers, got 1 numbers after 'b'");
        assertThat(readError("2 2\na 1 2\nb 1 2 3\n")).isEqualTo("line 3: expected the word and 2 numbers, got more numbers"
                + " after 'b'");
        assertThat(readError("1 2\na 1 x\n")).isEqualTo("line 2: value 2 of 'a' is 'x', not a number");
        assertThat(readError("3 2\na 1 2\nb 1 2\n")).isEqualTo("line 3: the header promises 3 vectors but the file holds 2");
        assertThat(readError("1 2\na 1 2\nb 1 2\n")).isEqualTo("line 3: more vectors than the 1 the header promises");
        assertThat(readError("2 2\na 1 2\na 3 4\n")).isEqualTo("line 3: the word 'a' appears a second time (first on line 2)");
        assertThat(readError("")).isEqualTo("line 1: expected the header 'count dim' (two whole numbers, dim at least 1),"
                + " got '(empty file)'");
    }

    @Test
    void aWordWithWhitespaceCannotBeWritten() {
        WordVectors spaced = new WordVectors(List.of("new york"), new float[] {1}, 1);
        assertThatThrownBy(() -> spaced.writeText(dir.resolve("x.txt"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("word2vec: the word 'new york' contains whitespace, which the word2vec text format cannot hold");
    }

    private String readError(String text) throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, text);
        try {
            WordVectors.readText(file);
        } catch (IllegalArgumentException e) {
            String prefix = "word2vec: " + file + " ";
            assertThat(e.getMessage()).startsWith(prefix);
            return e.getMessage().substring(prefix.length());
        }
        throw new AssertionError("no error for " + text);
    }
}
