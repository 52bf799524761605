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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code grove describe NAME} shows: each param of a component, and a YAML snippet to paste.
 * The fields of a nested record param follow it with dotted keys ({@code early-stopping.patience},
 * {@code nodes[].name} for a list of records).
 */
public final class ParamsDescriber {

    /**
     * One param.
     *
     * @param key          the YAML key ({@code max-iter}), dotted below a nested record param
     * @param type         int, number, boolean, string, list of int, optimizer component, list of
     *                     layer components, mapping, …
     * @param defaultValue the default as YAML text, or null when the param is required
     * @param constraint   e.g. {@code > 0}, {@code >= 1, <= 10}, {@code one of: l2, none}; null when unconstrained
     * @param doc          what the param means ("" when undocumented)
     */
    public record ParamInfo(String key, String type, String defaultValue, String constraint, String doc) {
    }

    private ParamsDescriber() {
    }

    /** The params of {@code component}, in record order, each nested record's fields after it. */
    public static List<ParamInfo> describe(Component<?> component) {
        List<ParamInfo> out = new ArrayList<>();
        describe(component.paramsType(), "", out, new HashSet<>());
        return List.copyOf(out);
    }

    private static void describe(Class<? extends Record> type, String prefix, List<ParamInfo> out,
                                 Set<Class<?>> enclosing) {
        enclosing.add(type);
        for (RecordComponent rc : type.getRecordComponents()) {
            Default declared = rc.getAnnotation(Default.class);
            Doc doc = rc.getAnnotation(Doc.class);
            String key = prefix + Params.kebab(rc.getName());
            out.add(new ParamInfo(key, typeLabel(rc), declared == null ? null : declared.value(), constraint(rc),
                    doc == null ? "" : doc.value()));
            // A record that contains itself (a tree) is described once, where it first appears.
            if (ParamType.of(rc) instanceof ParamType.Nested nested && !enclosing.contains(nested.record())) {
                describe(nested.record(), key + (nested.list() ? "[]." : "."), out, enclosing);
            }
        }
        enclosing.remove(type);
    }

    /**
     * A YAML snippet using the component with every param at its default ({@code <type>} for a
     * required one, the fields of a required nested record in braces):
     * {@code - logistic-regression: {c: 1.0, max-iter: 100}} for pipeline steps, layers and other
     * list entries, a {@code data:} block for data sources, and the {@code model:} and {@code train:}
     * sections for the network estimator.
     */
    public static String yamlSnippet(Component<?> component) {
        RecordComponent[] params = component.paramsType().getRecordComponents();
        if (component.kind() == Kind.DATA_SOURCE) {
            StringBuilder sb = new StringBuilder("data:\n  source: ").append(component.name()).append('\n');
            for (RecordComponent rc : params) {
                sb.append("  ").append(Params.kebab(rc.getName())).append(": ").append(value(rc, new HashSet<>())).append('\n');
            }
            return sb.toString();
        }
        if (component.kind() == Kind.ESTIMATOR && component.name().equals(ExperimentBuilder.NETWORK)) {
            StringBuilder sb = new StringBuilder();
            for (RecordComponent rc : params) {
                sb.append(Params.kebab(rc.getName())).append(": ").append(value(rc, new HashSet<>())).append('\n');
            }
            return sb.toString();
        }
        if (params.length == 0) {
            return "- " + component.name() + "\n";
        }
        return "- " + component.name() + ": " + inline(component.paramsType(), new HashSet<>()) + "\n";
    }

    /** {@code {key: value, ...}} for every field of {@code type}. */
    private static String inline(Class<? extends Record> type, Set<Class<?>> enclosing) {
        enclosing.add(type);
        List<String> pairs = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            pairs.add(Params.kebab(rc.getName()) + ": " + value(rc, enclosing));
        }
        enclosing.remove(type);
        return "{" + String.join(", ", pairs) + "}";
    }

    private static String value(RecordComponent rc, Set<Class<?>> enclosing) {
        Default declared = rc.getAnnotation(Default.class);
        if (declared != null) {
            return declared.value();
        }
        if (ParamType.of(rc) instanceof ParamType.Nested nested && !nested.list() && !enclosing.contains(nested.record())) {
            return inline(nested.record(), enclosing);
        }
        return "<" + typeLabel(rc) + ">";
    }

    private static String typeLabel(RecordComponent rc) {
        ParamType type = ParamType.of(rc);
        return type == null ? rc.getGenericType().getTypeName() : type.label();
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
        return typeLabel(rc).startsWith("list") ? "each " + joined : joined;
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
