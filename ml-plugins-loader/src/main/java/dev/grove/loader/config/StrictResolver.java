package dev.grove.loader.config;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars by the YAML 1.2 core schema instead of SnakeYAML's YAML 1.1 rules: only
 * {@code true}/{@code false} are booleans ({@code yes}, {@code no}, {@code on}, {@code off} stay
 * strings), ints are decimal only (no {@code 0x1F}, {@code 1_000} or {@code 1:20}), and there are
 * no timestamps or merge keys. Quoted scalars are always strings.
 */
final class StrictResolver extends Resolver {

    static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");
    static final Pattern INTEGER = Pattern.compile("^[-+]?[0-9]+$");
    static final Pattern NUMBER = Pattern.compile(
            "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
    static final Pattern NULL_VALUE = Pattern.compile("^(?:~|null|Null|NULL|)$");

    @Override
    protected void addImplicitResolvers() {
        // Order matters: a text that is an int is also a valid float, and the first match wins.
        addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF");
        addImplicitResolver(Tag.INT, INTEGER, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, NUMBER, "-+0123456789.");
        addImplicitResolver(Tag.NULL, NULL_VALUE, "~nN\0");
        addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
    }

    /** Whether {@code text} is a valid scalar of {@code type} (for explicitly tagged scalars such as {@code !!int}). */
    static boolean accepts(ScalarType type, String text) {
        return switch (type) {
            case STRING -> true;
            case INT -> INTEGER.matcher(text).matches();
            case FLOAT -> NUMBER.matcher(text).matches();
            case BOOLEAN -> BOOLEAN.matcher(text).matches();
            case NULL -> NULL_VALUE.matcher(text).matches();
        };
    }
}
