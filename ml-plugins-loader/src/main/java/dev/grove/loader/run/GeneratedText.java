package dev.grove.loader.run;

import dev.grove.api.data.Dataset;
import dev.grove.api.text.TokenGenerator;
import dev.grove.api.text.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A language model's run shows what it writes: {@value #FILE} holds a seeded continuation of a
 * prompt made of the first tokens of the shown split, decoded by the tokenizer the training text
 * was cut with, as {@code grove generate} would print it.
 */
final class GeneratedText {

    /** The file's name in the run folder. */
    static final String FILE = "generated.txt";
    /** How many tokens the continuation has. */
    static final int TOKENS = 200;
    /** The prompt holds this many tokens, or the model's whole context when shorter. */
    static final int PROMPT_TOKENS = 8;
    /** Below 1, so the text keeps to what the model finds likely. */
    static final double TEMPERATURE = 0.8;
    /** Only the ten most likely tokens may be drawn. */
    static final int TOP_K = 10;

    private GeneratedText() {
    }

    /**
     * Writes {@code directory/generated.txt} and returns its name.
     *
     * @param data      the shown split: one token id per row, ids indexing its schema's vocabulary
     * @param tokenizer joins tokens into text; null to join them with spaces
     * @param seed      the run's seed, so the same run writes the same text
     * @throws IllegalArgumentException if the split holds no token
     */
    static String write(TokenGenerator model, Dataset data, Tokenizer tokenizer, Path directory, long seed) throws IOException {
        List<String> vocabulary = model.schema().vocabulary();
        int promptLength = Math.min(Math.min(PROMPT_TOKENS, model.contextLength()), data.rows());
        if (promptLength == 0) {
            throw new IllegalArgumentException("generated text: the shown split holds no token to start a prompt from");
        }
        int[] prompt = new int[promptLength];
        List<String> promptTokens = new ArrayList<>();
        for (int i = 0; i < promptLength; i++) {
            prompt[i] = (int) data.feature(i, 0);
            promptTokens.add(vocabulary.get(prompt[i]));
        }
        int[] made = model.generate(prompt, TOKENS, TEMPERATURE, TOP_K, seed);
        List<String> all = new ArrayList<>(promptTokens);
        for (int id : made) {
            all.add(vocabulary.get(id));
        }
        String header = "Prompt: the first " + promptLength + " tokens of the shown split; " + TOKENS
                + " tokens generated with temperature " + TEMPERATURE + ", top-k " + TOP_K + ", seed " + seed + ".\n\n";
        Files.writeString(directory.resolve(FILE), header + join(tokenizer, all) + "\n");
        return FILE;
    }

    private static String join(Tokenizer tokenizer, List<String> tokens) {
        return tokenizer == null ? String.join(" ", tokens) : tokenizer.join(tokens);
    }
}
