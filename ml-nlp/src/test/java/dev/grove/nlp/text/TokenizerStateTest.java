package dev.grove.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grove.nlp.text.WordTokenizer.Punctuation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every tokenizer's settings survive being written as strings and read back. */
class TokenizerStateTest {

    @Test
    void wordAndCharTokenizersRoundTrip() {
        WordTokenizer word = new WordTokenizer(false, Punctuation.STRIP, false);
        assertThat(word.state().toTokenizer()).isEqualTo(word);
        assertThat(word.state().settings()).isEqualTo(Map.of("lowercase", "false", "punctuation", "strip",
                "line-breaks", "drop"));
        assertThat(new CharTokenizer().state().toTokenizer()).isInstanceOf(CharTokenizer.class);
    }

    @Test
    void damagedStatesAreRejectedClearly() {
        assertThatThrownBy(() -> new TokenizerState("sentencepiece", Map.of(), List.of()).toTokenizer())
                .hasMessageContaining("unknown tokenizer 'sentencepiece'");
        assertThatThrownBy(() -> new TokenizerState("word", Map.of("lowercase", "true"), List.of()).toTokenizer())
                .hasMessageContaining("needs the setting 'punctuation'");
        assertThatThrownBy(() -> new TokenizerState("bpe", Map.of("lowercase", "yes", "line-breaks", "keep"),
                List.of()).toTokenizer()).hasMessageContaining("lowercase must be true or false, got 'yes'");
    }

    @Test
    void theComponentsSpecsMakeTheTokenizersTheirParamsDescribe() {
        assertThat(new WordTokenizerParams(true, "keep", "drop").build(""))
                .isEqualTo(new WordTokenizer(true, Punctuation.KEEP, false));
        assertThatThrownBy(() -> new WordTokenizerParams(true, "remove", "keep"))
                .hasMessageContaining("punctuation must be one of split, strip, keep");
        assertThat(BpeParams.of(12).build("low low lower").merges()).isNotEmpty();
    }
}
