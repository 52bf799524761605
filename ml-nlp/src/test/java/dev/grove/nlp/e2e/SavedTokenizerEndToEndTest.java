package dev.grove.nlp.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grove.api.data.Schema;
import dev.grove.api.params.Default;
import dev.grove.api.params.Params;
import dev.grove.api.run.RunContext;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.text.Tokenizer;
import dev.grove.api.text.TokenizerFactory;
import dev.grove.nlp.data.CorpusParams;
import dev.grove.nlp.data.CorpusSource;
import dev.grove.nlp.text.TextComponents;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tokenizer a corpus records in its schema (and so in a saved model) rebuilds, through the
 * TOKENIZER components the language plugin registers, into a tokenizer that cuts new text exactly as
 * the training text was cut: what {@code grove generate} relies on to encode a prompt. The
 * description's values are strings; they are read as the params record's types, as the runtime does.
 */
class SavedTokenizerEndToEndTest {

    /** Text with capitals, punctuation, a line break and a word absent from the corpus. */
    private static final String PROMPT = "ROMEO:\nWhat, shall this speech be spoke for our excuse? Zounds!";

    @TempDir
    static Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"char", "word", "bpe"})
    void theSchemasDescriptionRebuildsTheTokenizerThroughItsComponent(String unit) {
        CorpusSource source = new CorpusSource(CorpusParams.of(TinyTexts.shakespeare(folder, 6000)).withUnit(unit)
                .withVocabSize(120));
        Tokenizer original = source.tokenize(RunContext.withSeed(0)).tokenizer();
        Schema schema = source.load(RunContext.withSeed(0)).data().schema();
        Map<String, String> description = schema.tokenizer();
        assertThat(description).containsEntry("component", unit);

        Tokenizer rebuilt = rebuild(description);

        assertThat(rebuilt.tokenize(PROMPT)).isEqualTo(original.tokenize(PROMPT)).isNotEmpty();
        assertThat(rebuilt.description()).isEqualTo(description);
        if (unit.equals("char")) {
            assertThat(rebuilt.tokenize("RO")).containsExactly("R", "O");
        } else {
            // Both lower-case by default and, for bpe, split words into the learned pieces.
            assertThat(String.join("", rebuilt.tokenize("ROMEO")).replace("</w>", "")).isEqualTo("romeo");
        }
    }

    /** The tokenizer of the registered component {@code description} names, with its params read from the strings. */
    private static Tokenizer rebuild(Map<String, String> description) {
        List<Component<?>> components = new ArrayList<>();
        TextComponents.register(components::add);
        Component<?> component = components.stream()
                .filter(c -> c.kind() == Kind.TOKENIZER && c.name().equals(description.get("component")))
                .findFirst().orElseThrow();
        Object factory = create(component, description);
        assertThat(factory).isInstanceOf(TokenizerFactory.class);
        // Everything learned is in the description, so no training text is needed.
        return ((TokenizerFactory) factory).build("");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object create(Component component, Map<String, String> description) {
        RecordComponent[] fields = component.paramsType().getRecordComponents();
        Object[] values = new Object[fields.length];
        Class<?>[] types = new Class<?>[fields.length];
        for (int i = 0; i < fields.length; i++) {
            String key = Params.kebab(fields[i].getName());
            String text = description.containsKey(key) ? description.get(key) : fields[i].getAnnotation(Default.class).value();
            types[i] = fields[i].getType();
            values[i] = typed(types[i], text);
        }
        try {
            Record params = (Record) component.paramsType().getDeclaredConstructor(types).newInstance(values);
            return component.create(params);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot create the params of " + component.name(),
                    e instanceof InvocationTargetException ite ? ite.getCause() : e);
        }
    }

    /** A param's text as its declared type; a list is one element per line ({@code []}: empty). */
    private static Object typed(Class<?> type, String text) {
        if (type == int.class) {
            return Integer.parseInt(text);
        } else if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        } else if (type == List.class) {
            return text.isEmpty() || text.equals("[]") ? List.of() : Arrays.asList(text.split("\n", -1));
        }
        return text;
    }
}
