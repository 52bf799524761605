package dev.grove.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Byte-pair encoding on Sennrich et al.'s example (low ×5, lower ×2, newest ×6, widest ×3), whose
 * merges were worked out by hand with the documented tie rule (equal counts: the pair whose left,
 * then right, symbol sorts first), and on tiny Shakespeare.
 */
class BpeTokenizerTest {

    /** The example's text: each word as often as in the paper. */
    private static final String EXAMPLE = "low ".repeat(5) + "lower ".repeat(2) + "newest ".repeat(6) + "widest ".repeat(3);

    /**
     * The merges by hand. Alphabet: l o w e r n s t i d and </w> (11 symbols). Counts before merge 1:
     * e-s, s-t, t-</w> 9 (tie → "e s"); then es-t, t-</w> 9 (→ "es t"); est-</w> 9; l-o, o-w 7 (→ "l o");
     * lo-w 7; then n-e, e-w, w-est</w> 6 (→ "e w"); ew-est</w>, n-ew 6 (→ "ew est</w>"); n-ewest</w> 6;
     * low-</w> 5; d-est</w>, i-d, w-i 3 (→ "d est</w>"); i-dest</w>, w-i 3 (→ "i dest</w>");
     * w-idest</w> 3; then e-r, low-e, r-</w> 2 (→ "e r"); er-</w>, low-er 2 (→ "er </w>"); low-er</w> 2.
     */
    private static final List<String> HAND_MERGES = List.of("e s", "es t", "est </w>", "l o", "lo w", "e w",
            "ew est</w>", "n ewest</w>", "low </w>", "d est</w>", "i dest</w>", "w idest</w>", "e r", "er </w>",
            "low er</w>");

    @Test
    void learnsTheMergesComputedByHand() {
        BpeTokenizer all = BpeTokenizer.train(EXAMPLE, 1000, true, true);
        assertThat(all.merges()).isEqualTo(HAND_MERGES);
    }

    @Test
    void stopsWhenTheSymbolsReachTheVocabularySize() {
        // 11 alphabet symbols + 10 merge results = 21.
        BpeTokenizer ten = BpeTokenizer.train(EXAMPLE, 21, true, true);
        assertThat(ten.merges()).isEqualTo(HAND_MERGES.subList(0, 10));
        assertThat(BpeTokenizer.train(EXAMPLE, 11, true, true).merges()).isEmpty();
    }

    @Test
    void theTrainingWordsBecomeWholePiecesOnceAllMergesAreLearned() {
        BpeTokenizer all = BpeTokenizer.train(EXAMPLE, 1000, true, true);
        assertThat(all.tokenize("low lower newest widest"))
                .containsExactly("low</w>", "lower</w>", "newest</w>", "widest</w>");
    }

    @Test
    void encodesUnseenWordsByApplyingTheMergesInLearnedOrder() {
        BpeTokenizer ten = BpeTokenizer.fromMerges(HAND_MERGES.subList(0, 10), true, true);
        // l o w e s t </w> → (e s) l o w es t </w> → (es t) → (est </w>) l o w est</w> → (l o) → (lo w) low est</w>.
        assertThat(ten.tokenize("lowest")).containsExactly("low", "est</w>");
        // n e w e r </w>: only "e w" applies, at the first e.
        assertThat(ten.tokenize("newer")).containsExactly("n", "ew", "e", "r", "</w>");
        // z was never seen: it stays a piece of its own.
        assertThat(ten.tokenize("Zest")).containsExactly("z", "est</w>");
    }

    @Test
    void joinConcatenatesPiecesWithASpaceAtEachEndOfWord() {
        BpeTokenizer ten = BpeTokenizer.fromMerges(HAND_MERGES.subList(0, 10), true, true);
        List<String> tokens = ten.tokenize("lowest newer\n  widest  \nlow");
        assertThat(tokens).contains("</s>");
        assertThat(ten.join(tokens)).isEqualTo("lowest newer\nwidest\nlow");
    }

    @Test
    void savedMergesRestoreAnEqualTokenizer() {
        BpeTokenizer trained = BpeTokenizer.train(EXAMPLE + "\nthe lowest and the newest, the widest!", 30, false, false);
        TokenizerState state = trained.state();
        Tokenizer restored = new TokenizerState(state.name(), state.settings(), List.copyOf(state.merges())).toTokenizer();
        assertThat(restored).isEqualTo(trained);
        String unseen = "The Lowest newer widest!\nzebra";
        assertThat(restored.tokenize(unseen)).isEqualTo(trained.tokenize(unseen));
        assertThat(state.settings()).containsEntry("lowercase", "false").containsEntry("line-breaks", "drop");
    }

    @Test
    void aMalformedMergeIsRejectedWithItsPosition() {
        assertThatThrownBy(() -> BpeTokenizer.fromMerges(List.of("e s", "est"), true, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("merge 2").hasMessageContaining("'est'");
    }

    @Test
    void learnsAThousandSymbolsOnTinyShakespeareAndRoundTripsItsStart() throws IOException {
        String text = Files.readString(Path.of("..", "datasets", "tinyshakespeare.txt"), StandardCharsets.UTF_8);
        BpeTokenizer bpe = BpeTokenizer.train(text, 1000, false, true);

        Set<String> symbols = new HashSet<>();
        text.codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(cp -> symbols.add(Character.toString(cp)));
        symbols.add(BpeTokenizer.END_OF_WORD);
        for (String merge : bpe.merges()) {
            symbols.add(merge.replace(" ", ""));
        }
        assertThat(symbols).hasSize(1000);

        String start = text.substring(0, 10_000);
        List<String> tokens = bpe.tokenize(start);
        // The text back, each line with its runs of white space written as one space.
        String expected = Arrays.stream(start.split("\n", -1))
                .map(line -> line.strip().replaceAll("\\s+", " "))
                .collect(Collectors.joining("\n"));
        assertThat(bpe.join(tokens)).isEqualTo(expected);
        assertThat(tokens.size()).isLessThan(start.length() / 2);
    }
}
