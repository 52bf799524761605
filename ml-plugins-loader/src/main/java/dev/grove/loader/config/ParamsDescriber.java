package dev.grove.loader.config;

import dev.grove.api.params.Default;
import dev.grove.api.params.Doc;
import dev.grove.api.params.Max;
import dev.grove.api.params.Min;
import dev.grove.api.params.OneOf;
import dev.grove.api.params.Params;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** What {@code grove describe NAME} shows: each param of a component, and a YAML snippet to paste. */
public final class ParamsDescriber {

    /**
     * One param.
     *
     * @param key          the YAML key ({@code max-iter})
     * @param type         int, number, boolean, string, list of int, …
     * @param defaultValue the default as YAML text, or null when the param is required
     * @param constraint   e.g. {@code > 0}, {@code >= 1, <= 10}, {@code one of: l2, none}; null when unconstrained
     * @param doc          what the param means ("" when undocumented)
     */
    public record ParamInfo(String key, String type, String defaultValue, String constraint, String doc) {
    }

    private ParamsDescriber() {
    }

    /** The params of {@code component}, in record order. */
    public static List<ParamInfo> describe(Component<?> component) {
        List<ParamInfo> out = new ArrayList<>();
        for (RecordComponent rc : component.paramsType().getRecordComponents()) {
            Default declared = rc.getAnnotation(Default.class);
            Doc doc = rc.getAnnotation(Doc.class);
            out.add(new ParamInfo(Params.kebab(rc.getName()), ValueConverter.typeName(rc.getGenericType()),
                    declared == null ? null : declared.value(), constraint(rc), doc == null ? "" : doc.value()));
        }
        return List.copyOf(out);
    }

    /**
     * A YAML snippet using the component with every param at its default ({@code <type>} for a
     * required one): {@code - logistic-regression: {c: 1.0, max-iter: 100}} for pipeline steps and
     * metrics, a {@code data:} block for data sources.
     */
    public static String yamlSnippet(Component<?> component) {
        List<ParamInfo> params = describe(component);
        if (component.kind() == Kind.DATA_SOURCE) {
            StringBuilder sb = new StringBuilder("data:\n  source: ").append(component.name()).append('\n');
            for (ParamInfo p : params) {
                sb.append("  ").append(p.key()).append(": ").append(value(p)).append('\n');
            }
            return sb.toString();
        }
        if (params.isEmpty()) {
            return "- " + component.name() + "\n";
        }
        List<String> pairs = params.stream().map(p -> p.key() + ": " + value(p)).toList();
        return "- " + component.name() + ": {" + String.join(", ", pairs) + "}\n";
    }

    private static String value(ParamInfo p) {
        return p.defaultValue() != null ? p.defaultValue() : "<" + p.type() + ">";
    }

    private static String constraint(RecordComponent rc) {
        List<String> parts = new ArrayList<>();
        Min min = rc.getAnnotation(Min.class);
        if (min != null) {
            parts.add((min.exclusive() ? "> " : ">= ") + number(min.value()));
        }
        Max max = rc.getAnnotation(Max.class);
        if (max != null) {
            parts.add((max.exclusive() ? "< " : "<= ") + number(max.value()));
        }
        OneOf oneOf = rc.getAnnotation(OneOf.class);
        if (oneOf != null) {
            parts.add("one of: " + String.join(", ", oneOf.value()));
        }
        if (parts.isEmpty()) {
            return null;
        }
        String joined = String.join(", ", parts);
        return ValueConverter.typeName(rc.getGenericType()).startsWith("list") ? "each " + joined : joined;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
