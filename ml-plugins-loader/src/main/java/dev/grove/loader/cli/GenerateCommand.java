package dev.grove.loader.cli;

import dev.grove.api.model.Model;
import dev.grove.api.text.TokenGenerator;
import dev.grove.api.text.Tokenizer;
import dev.grove.loader.plugins.PluginDiscovery;
import dev.grove.loader.run.ModelStore;
import dev.grove.loader.run.SavedTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code grove generate MODEL --prompt TEXT [--tokens N] [--temperature T] [--top-k K] [--seed S]}:
 * continues a prompt with a saved language model (a network trained with {@code train.sequence}).
 * The prompt is cut into tokens by the tokenizer its training text was cut with (recorded in the
 * model's schema), each token must be in the vocabulary (or the vocabulary has {@code <unk>}, which
 * then stands for it), and the same seed gives the same text.
 */
@Command(name = "generate", description = "Continue a prompt with a saved language model (model.grove).")
final class GenerateCommand implements Callable<Integer> {

    /** The token that stands for any token outside the vocabulary, when the vocabulary has it. */
    private static final String UNKNOWN = "<unk>";

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model.grove of a language model.")
    Path model;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "The text to continue.")
    String prompt;

    @Option(names = "--tokens", paramLabel = "N", defaultValue = "200", description = "Tokens to generate (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0",
            description = "Divides the logits: below 1 is more conservative (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", paramLabel = "K", defaultValue = "0",
            description = "Draw only among the K most likely tokens; 0 for all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    PluginOptions plugins;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (tokens < 0 || topK < 0 || !(temperature > 0)) {
            throw new UsageException("--tokens and --top-k must be at least 0 and --temperature above 0; got " + tokens
                    + ", " + topK + " and " + temperature);
        }
        PluginDiscovery.Result discovered = plugins.discover(spec.commandLine().getErr());
        Model loaded = new ModelStore(discovered.catalog()).load(model);
        if (!(loaded instanceof TokenGenerator generator)) {
            throw new UsageException(model + " is not a language model (" + loaded.getClass().getSimpleName()
                    + "); grove generate needs a network trained for next-token prediction (train.sequence)");
        }
        List<String> vocabulary = loaded.schema().vocabulary();
        Tokenizer tokenizer;
        try {
            tokenizer = SavedTokenizer.create(discovered.catalog(), loaded.schema().tokenizer(), model);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> promptTokens = tokenizer.tokenize(prompt);
        int[] context = ids(promptTokens, vocabulary, generator.contextLength());
        int[] made = generator.generate(context, tokens, temperature, topK, seed);
        List<String> all = new ArrayList<>(promptTokens);
        for (int id : made) {
            all.add(vocabulary.get(id));
        }
        spec.commandLine().getOut().println(prompt + continuation(tokenizer, promptTokens, all));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private int[] ids(List<String> promptTokens, List<String> vocabulary, int contextLength) {
        if (promptTokens.isEmpty()) {
            throw new UsageException("the prompt holds no token; give at least one");
        }
        if (promptTokens.size() > contextLength) {
            throw new UsageException("the prompt holds " + promptTokens.size() + " tokens but the model looks at most at "
                    + contextLength + "; shorten it");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            index.putIfAbsent(vocabulary.get(i), i);
        }
        Integer unknown = index.get(UNKNOWN);
        int[] ids = new int[promptTokens.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = index.getOrDefault(promptTokens.get(i), unknown);
            if (id == null) {
                throw new UsageException("the prompt's token " + (i + 1) + " '" + promptTokens.get(i)
                        + "' is not in the model's vocabulary of " + vocabulary.size() + " tokens, which has no " + UNKNOWN
                        + " token to stand for it; use only tokens the training text held");
            }
            ids[i] = id;
        }
        return ids;
    }

    /** The text the generated tokens add after the prompt, as the tokenizer joins them. */
    private static String continuation(Tokenizer tokenizer, List<String> promptTokens, List<String> all) {
        String before = tokenizer.join(promptTokens);
        String after = tokenizer.join(all);
        return after.startsWith(before) ? after.substring(before.length()) : " " + tokenizer.join(all.subList(promptTokens.size(), all.size()));
    }
}
