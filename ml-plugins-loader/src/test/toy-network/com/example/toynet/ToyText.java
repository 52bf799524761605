package com.example.toynet;

import dev.grove.api.data.DataSource;
import dev.grove.api.data.Dataset;
import dev.grove.api.data.LoadedData;
import dev.grove.api.data.Schema;
import dev.grove.api.run.RunContext;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A text as a stream of character tokens, one per row: the vocabulary is the text's distinct
 * characters in sorted order, and the schema records the {@code toy-chars} tokenizer.
 */
public record ToyText(String text) implements DataSource {

    @Override
    public LoadedData load(RunContext context) {
        TreeSet<String> distinct = new TreeSet<>();
        text.codePoints().forEach(c -> distinct.add(Character.toString(c)));
        List<String> vocabulary = List.copyOf(distinct);
        List<String> tokens = ToyChars.INSTANCE.tokenize(text);
        float[] ids = new float[tokens.size()];
        double[] targets = new double[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = vocabulary.indexOf(tokens.get(i));
            targets[i] = ids[i];
        }
        Schema schema = new Schema(List.of("token"), "token", vocabulary, List.of(1), vocabulary,
                Map.of("component", "toy-chars"));
        return LoadedData.single(Dataset.ofFloats(ids, targets, schema));
    }
}
