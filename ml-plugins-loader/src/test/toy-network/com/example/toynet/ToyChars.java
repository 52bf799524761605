package com.example.toynet;

import dev.grove.api.text.Tokenizer;
import dev.grove.api.text.TokenizerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every character is a token; what the toy-chars TOKENIZER component makes, whatever the text. */
public final class ToyChars implements Tokenizer, TokenizerFactory {

    static final ToyChars INSTANCE = new ToyChars();

    @Override
    public List<String> tokenize(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        text.codePoints().forEach(c -> tokens.add(Character.toString(c)));
        return tokens;
    }

    @Override
    public String join(List<String> tokens) {
        return String.join("", tokens);
    }

    @Override
    public Map<String, String> description() {
        return Map.of("component", "toy-chars");
    }

    @Override
    public Tokenizer build(CharSequence trainingText) {
        return this;
    }
}
