package dev.grove.loader.run;

import dev.grove.api.params.Params;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import dev.grove.api.text.Tokenizer;
import dev.grove.api.text.TokenizerFactory;
import dev.grove.loader.config.ParamsBinder;
import dev.grove.loader.plugins.ComponentCatalog;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokenizer a model's schema describes ({@code component} and its params as text), created
 * through the plugins' TOKENIZER components: each param's text is read as the type the params
 * record declares, so the tokenizer is the one the training text was cut with. Used by
 * {@code grove generate} and by a language model's run to decode its generated text.
 */
public final class SavedTokenizer {

    private SavedTokenizer() {
    }

    /**
     * Creates the tokenizer.
     *
     * @param model the saved model (or run) the description comes from, named in error messages
     * @throws IllegalArgumentException if the model records no tokenizer or no plugin provides it
     */
    public static Tokenizer create(ComponentCatalog catalog, Map<String, String> description, Path model) {
        String name = description.get("component");
        if (name == null) {
            throw new IllegalArgumentException(model + " records no tokenizer in its schema: it was not trained on text from a"
                    + " tokenizing data source (such as corpus), so a prompt cannot be encoded");
        }
        Component<?> component = catalog.find(Kind.TOKENIZER, name)
                .orElseThrow(() -> new IllegalArgumentException(model + " was trained on text cut by the '" + name
                        + "' tokenizer, which no loaded plugin provides; put the language plugin (ml-nlp) on the module path"))
                .component();
        Map<String, Object> params = new LinkedHashMap<>();
        for (RecordComponent rc : component.paramsType().getRecordComponents()) {
            String key = Params.kebab(rc.getName());
            if (description.containsKey(key)) {
                params.put(key, typed(rc.getType(), description.get(key)));
            }
        }
        Object factory = createUnchecked(component, ParamsBinder.bindMap(catalog, component, params, model + " tokenizer"));
        if (!(factory instanceof TokenizerFactory tokenizers)) {
            throw new IllegalArgumentException("the '" + name + "' component does not make tokenizers (" + factory.getClass().getName() + ")");
        }
        // The description holds everything the tokenizer learned, so no text is needed.
        return tokenizers.build("");
    }

    /** The text of a param as the Java type its record declares; lists are one element per line. */
    private static Object typed(Class<?> type, String text) {
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(text);
        } else if (type == long.class || type == Long.class) {
            return Long.parseLong(text);
        } else if (type == double.class || type == Double.class) {
            return Double.parseDouble(text);
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(text);
        } else if (type == List.class) {
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1));
        }
        return text;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object createUnchecked(Component component, Record params) {
        return component.create(params);
    }
}
