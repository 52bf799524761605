package dev.grove.api.text;

import dev.grove.api.model.Model;

/**
 * A model that continues a sequence of token ids one token at a time (a language model). Ids index
 * the schema's {@link dev.grove.api.data.Schema#vocabulary() vocabulary}.
 */
public interface TokenGenerator extends Model {

    /** The most tokens the model looks at to predict the next one (its window length). */
    int contextLength();

    /**
     * {@code count} tokens that follow {@code context}, each drawn from the model's next-token
     * distribution divided by {@code temperature} and cut to the {@code topK} most likely tokens,
     * with a random stream from {@code seed}: the same arguments give the same tokens.
     *
     * @param context     the prompt's token ids, 1 to {@link #contextLength()} of them
     * @param temperature above 0; lower is more conservative, 1 samples the model's own distribution
     * @param topK        how many of the most likely tokens may be drawn; 0 for all
     * @throws IllegalArgumentException if the context is empty or longer than the context length, holds
     *                                  an id outside the vocabulary, or the temperature or top-k is out of range
     */
    int[] generate(int[] context, int count, double temperature, int topK, long seed);
}
