package dev.grove.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Vocabulary ids on a text counted by hand: "b a c b a b d e" has b ×3, a ×2, then c, d, e once
 * each, first seen in that order.
 */
class VocabularyTest {

    private static TokenCounts counts() {
        return new TokenCounts().addAll(List.of("b", "a", "c", "b", "a", "b", "d", "e"));
    }

    @Test
    void idsGoByDecreasingCountWithTiesInOrderOfFirstAppearance() {
        Vocabulary v = Vocabulary.build(counts(), 1, 0, List.of());
        assertThat(v.tokens()).containsExactly("b", "a", "c", "d", "e");
        assertThat(v.hasUnknown()).isFalse();
        assertThat(v.count(0)).isEqualTo(3);
        assertThat(v.count(4)).isEqualTo(1);
        assertThat(v.id("d")).isEqualTo(3);
        assertThat(v.token(1)).isEqualTo("a");
    }

    @Test
    void reservedTokensComeFirstInTheOrderGiven() {
        Vocabulary v = Vocabulary.build(counts(), 1, 0, List.of("<pad>", "</s>"));
        assertThat(v.tokens()).containsExactly("<pad>", "</s>", "b", "a", "c", "d", "e");
        assertThat(v.count(0)).isZero();
    }

    @Test
    void minCountLeavesRareTokensToTheUnknownTokenReservedAsIdZero() {
        Vocabulary v = Vocabulary.build(counts(), 2, 0, List.of());
        assertThat(v.tokens()).containsExactly("<unk>", "b", "a");
        assertThat(v.id("c")).isZero();
        assertThat(v.id("never seen")).isZero();
        assertThat(v.count(0)).as("c, d and e occurrences").isEqualTo(3);
        assertThat(v.encode(List.of("a", "e", "b"))).containsExactly(2, 0, 1);
    }

    @Test
    void maxSizeCountsReservedTokensAndKeepsTheMostFrequent() {
        assertThat(Vocabulary.build(counts(), 1, 3, List.of()).tokens()).containsExactly("<unk>", "b", "a");
        assertThat(Vocabulary.build(counts(), 1, 4, List.of("<pad>")).tokens())
                .containsExactly("<unk>", "<pad>", "b", "a");
        assertThat(Vocabulary.build(counts(), 1, 5, List.of()).tokens()).containsExactly("b", "a", "c", "d", "e");
    }

    @Test
    void anAskedForUnknownTokenStaysWhereItWasReserved() {
        Vocabulary v = Vocabulary.build(counts(), 1, 0, List.of("<pad>", "<unk>"));
        assertThat(v.tokens()).containsExactly("<pad>", "<unk>", "b", "a", "c", "d", "e");
        assertThat(v.id("zzz")).isEqualTo(1);
    }

    @Test
    void withoutAnUnknownTokenAnUnknownTokenIsAnErrorNamingIt() {
        Vocabulary v = Vocabulary.build(counts(), 1, 0, List.of());
        assertThatThrownBy(() -> v.id("zebra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'zebra'").hasMessageContaining("no unknown token");
    }

    @Test
    void idsAreRangeChecked() {
        Vocabulary v = Vocabulary.build(counts(), 1, 0, List.of());
        assertThatThrownBy(() -> v.token(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id 5 is out of range").hasMessageContaining("0 to 4");
        assertThatThrownBy(() -> v.decode(new int[] {0, -1})).hasMessageContaining("id -1");
    }

    @Test
    void decodeInvertsEncode() {
        Vocabulary v = Vocabulary.build(counts(), 1, 0, List.of());
        assertThat(v.decode(new int[] {4, 0, 2})).containsExactly("e", "b", "c");
        assertThat(v.decode(v.encode(List.of("d", "a")))).containsExactly("d", "a");
    }

    @Test
    void aTokenListRestoresTheSameIds() {
        Vocabulary built = Vocabulary.build(counts(), 2, 0, List.of());
        Vocabulary restored = Vocabulary.of(built.tokens());
        assertThat(restored).isEqualTo(built);
        assertThat(restored.id("e")).isZero();
        assertThat(Vocabulary.of(List.of("x", "y")).hasUnknown()).isFalse();
    }

    @Test
    void impossibleLimitsAreRejected() {
        assertThatThrownBy(() -> Vocabulary.build(counts(), 1, 1, List.of("<pad>")))
                .hasMessageContaining("max-size 1").hasMessageContaining("<unk>, <pad>");
        assertThatThrownBy(() -> Vocabulary.build(counts(), 0, 0, List.of())).hasMessageContaining("min-count");
        assertThatThrownBy(() -> Vocabulary.build(counts(), 1, 0, List.of("<pad>", "<pad>")))
                .hasMessageContaining("distinct");
    }
}
