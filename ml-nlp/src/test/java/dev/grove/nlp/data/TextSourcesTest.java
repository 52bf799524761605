package dev.grove.nlp.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.nlp.text.TextComponents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text sources and tokenizers are registered under their kinds and names. */
class TextSourcesTest {

    @Test
    void registersTheTwoSourcesAndTheThreeTokenizers() {
        List<Component<?>> components = new ArrayList<>();
        TextSources.register(components::add);
        TextComponents.register(components::add);
        assertThat(components).extracting(c -> c.kind() + " " + c.name()).containsExactly(
                "DATA_SOURCE corpus", "DATA_SOURCE labelled-text", "TOKENIZER word", "TOKENIZER char", "TOKENIZER bpe");
    }
}
