package dev.grove.generative.contrastive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Caption templates, the class names they are filled with, and the vocabulary built from them. */
class VocabularyTest {

    private static final ClassNames DIGITS = new ClassNames(List.of("zero", "one"), List.of("0", "1"));

    private static List<CaptionTemplate> templates(String... texts) {
        return Arrays.stream(texts).map(t -> CaptionTemplate.parse(t, "captions")).toList();
    }

    @Test
    void aTemplateIsFilledWithTheClassWordAndTheLabelAndKnowsWhichWordsNameTheClass() {
        CaptionTemplate template = CaptionTemplate.parse("A photo of {class}, labelled {label}.", "captions[1]");

        assertThat(template.fill("seven", "7")).isEqualTo("A photo of seven, labelled 7.");
        assertThat(template.words("number seven", "7")).containsExactly(
                new CaptionTemplate.Word("a", false), new CaptionTemplate.Word("photo", false),
                new CaptionTemplate.Word("of", false), new CaptionTemplate.Word("number", true),
                new CaptionTemplate.Word("seven", true), new CaptionTemplate.Word("labelled", false),
                new CaptionTemplate.Word("7", true));
        assertThat(template.fixedWords()).containsExactly("a", "photo", "of", "labelled");
        assertThat(template.usesClassWord()).isTrue();
        assertThat(template.usesLabel()).isTrue();
    }

    @Test
    void templatesWithoutASlotWithAnUnknownSlotOrAnUnclosedBraceAreRejected() {
        assertThatThrownBy(() -> CaptionTemplate.parse("a photo of a digit", "captions[2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("captions[2] 'a photo of a digit' names no class").hasMessageContaining("{class}");
        assertThatThrownBy(() -> CaptionTemplate.parse("a photo of {digit}", "prompts[1]"))
                .hasMessageContaining("prompts[1] 'a photo of {digit}' has the unknown slot {digit}");
        assertThatThrownBy(() -> CaptionTemplate.parse("a {class photo", "captions[1]"))
                .hasMessageContaining("opens a slot at character 3 that is never closed");
    }

    @Test
    void theVocabularyHoldsUnknownFirstThenTemplateWordsThenClassWordsThenLabelsEachOnce() {
        Vocabulary vocabulary = Vocabulary.of(templates("a photo of {class}", "an image of a {label}"), DIGITS);

        assertThat(vocabulary.tokens()).containsExactly("<unk>", "a", "photo", "of", "an", "image", "zero", "one", "0", "1");
        assertThat(vocabulary.id("photo")).isEqualTo(2);
        assertThat(vocabulary.id("picture")).isZero();
    }

    @Test
    void labelsAreLeftOutWhenNoTemplateUsesThemAndClassWordsWhenNoneUsesThose() {
        assertThat(Vocabulary.of(templates("a {class}"), DIGITS).tokens()).containsExactly("<unk>", "a", "zero", "one");
        assertThat(Vocabulary.of(templates("a {label}"), DIGITS).tokens()).containsExactly("<unk>", "a", "0", "1");
    }

    @Test
    void textIsEncodedWithUnknownWordsAsIdZero() {
        Vocabulary vocabulary = Vocabulary.of(templates("a photo of {class}"), DIGITS);

        assertThat(vocabulary.encode("A picture of ONE")).containsExactly(1, 0, 3, 5);
    }

    @Test
    void textWithNoKnownWordIsAClearError() {
        Vocabulary vocabulary = Vocabulary.of(templates("a photo of {class}"), DIGITS);

        assertThatThrownBy(() -> vocabulary.encode("some picture"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clip: the text 'some picture' has no word the model knows (its words [some, picture] are all"
                        + " unknown); the model knows 5 words: [a, photo, of, zero, one]");
        assertThatThrownBy(() -> vocabulary.encode("?!")).hasMessageContaining("(it has no word at all)");
    }

    @Test
    void theSavedAttributeGivesTheSameVocabularyBack() {
        Vocabulary vocabulary = Vocabulary.of(templates("a photo of {class}", "an image of a {label}"), DIGITS);

        Vocabulary restored = Vocabulary.fromAttribute(vocabulary.toAttribute());

        assertThat(restored.tokens()).isEqualTo(vocabulary.tokens());
    }

    @Test
    void aSavedVocabularyMustStartWithUnknownAndHoldOnlyDistinctLowerCaseWords() {
        assertThatThrownBy(() -> Vocabulary.fromAttribute("a <unk>")).hasMessageContaining("starts with <unk>, got 'a'");
        assertThatThrownBy(() -> Vocabulary.fromAttribute("<unk> Photo")).hasMessageContaining("'Photo' is not one lower-case word");
        assertThatThrownBy(() -> Vocabulary.fromAttribute("<unk> a a")).hasMessageContaining("holds 'a' twice");
    }
}
