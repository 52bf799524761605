package dev.grove.nlp.word2vec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neighbours.txt a word2vec model writes into its run folder, checked against similarities worked out by hand. */
class Word2VecNeighboursFileTest {

    @TempDir
    Path dir;

    private static Word2VecModel model(WordVectors vectors) {
        return new Word2VecModel(new Schema(List.of("token"), "token", vectors.words()), vectors, Map.of());
    }

    @Test
    void aSmallVocabularyShowsEveryWordWithItsNeighboursByCosine() throws IOException {
        List<String> files = model(HandVectors.royalty()).writeArtifacts(null, dir, 0);

        assertThat(files).containsExactly("neighbours.txt");
        List<String> lines = Files.readAllLines(dir.resolve("neighbours.txt"));
        // 7 words: nothing is skipped, each has the 6 others as neighbours.
        assertThat(lines.get(0)).isEqualTo("The 6 nearest words by cosine similarity of the 7 words ranked 1 to 7 by frequency.");
        assertThat(lines.subList(2, lines.size())).hasSize(7);
        // king = (2, 0, 1): man 2/√5 = 0.894, queen 3/√15 = 0.775, apple 1/√5 = 0.447,
        // King (−0.1, 1, 0.45): 0.25 / (√5 · √1.2125) = 0.102; woman and banana are orthogonal (0).
        assertThat(lines.get(2)).startsWith("king: man (0.894), queen (0.775), apple (0.447), King (0.102), ")
                .contains("woman (0.000)").contains("banana (0.000)");
        // banana = (0, −1, 0): woman is opposite (−1), King −1/√1.2125 = −0.908, queen −1/√3 = −0.577.
        assertThat(lines.get(7)).startsWith("banana: ").endsWith("queen (-0.577), King (-0.908), woman (-1.000)");
    }

    @Test
    void theTwentyMostFrequentWordsAreSkippedAndTenWordsShownWithEightNeighbours() throws IOException {
        // 35 words on a quarter circle, word i at 2i degrees: its nearest words are i ± 1 (cos 2°), then i ± 2 (cos 4°).
        List<String> words = new ArrayList<>();
        float[] vectors = new float[35 * 2];
        for (int i = 0; i < 35; i++) {
            words.add("w" + i);
            vectors[2 * i] = (float) Math.cos(Math.toRadians(2 * i));
            vectors[2 * i + 1] = (float) Math.sin(Math.toRadians(2 * i));
        }
        model(new WordVectors(words, vectors, 2)).writeArtifacts(null, dir, 0);

        List<String> lines = Files.readAllLines(dir.resolve("neighbours.txt"));
        assertThat(lines.get(0)).isEqualTo("The 8 nearest words by cosine similarity of the 10 words ranked 21 to 30 by frequency.");
        List<String> shown = lines.subList(2, lines.size());
        assertThat(shown).hasSize(10);
        for (int i = 20; i < 30; i++) {
            String line = shown.get(i - 20);
            assertThat(line).startsWith("w" + i + ": ");
            String[] neighbours = line.substring(line.indexOf(':') + 2).split(", ");
            assertThat(neighbours).hasSize(8);
            assertThat(List.of(neighbours[0], neighbours[1])).containsExactlyInAnyOrder(
                    "w" + (i - 1) + " (0.999)", "w" + (i + 1) + " (0.999)");
            assertThat(List.of(neighbours[2], neighbours[3])).containsExactlyInAnyOrder(
                    "w" + (i - 2) + " (0.998)", "w" + (i + 2) + " (0.998)");
        }
    }
}
