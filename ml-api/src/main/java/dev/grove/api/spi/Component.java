package dev.grove.api.spi;

import dev.grove.api.data.DataSource;
import dev.grove.api.metric.Metric;
import dev.grove.api.model.Estimator;
import dev.grove.api.model.Transformer;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One registered component: its kind, kebab-case name, params record type, a factory from params to
 * the component, a one-line doc and, for estimators and transformers, how to restore a saved model.
 * The params record's canonical constructor validates; its components carry defaults and docs as
 * annotations from {@code dev.grove.api.params}, which feed YAML binding and {@code grove describe}.
 *
 * @param <P> the params record type ({@link NoParams} when there are none)
 */
public record Component<P extends Record>(Kind kind, String name, Class<P> paramsType, Function<P, ?> factory,
                                          String doc, ModelRestorer<P> restorer) {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** Validates the declaration. */
    public Component {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(paramsType, "paramsType");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(doc, "doc");
        if (name == null || !KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException("component name must be kebab-case (e.g. 'logistic-regression'), got '" + name + "'");
        }
        if ((kind == Kind.ESTIMATOR || kind == Kind.TRANSFORMER) && restorer == null) {
            throw new IllegalArgumentException("component '" + name + "': a " + kind.label()
                    + " needs a restorer so its fitted models can be loaded");
        }
    }

    /** An estimator component. */
    public static <P extends Record> Component<P> estimator(String name, Class<P> params,
                                                            Function<P, ? extends Estimator<?>> factory,
                                                            ModelRestorer<P> restorer, String doc) {
        return new Component<>(Kind.ESTIMATOR, name, params, factory, doc, restorer);
    }

    /** A transformer component (its estimator fits a {@link Transformer}). */
    public static <P extends Record> Component<P> transformer(String name, Class<P> params,
                                                              Function<P, ? extends Estimator<? extends Transformer>> factory,
                                                              ModelRestorer<P> restorer, String doc) {
        return new Component<>(Kind.TRANSFORMER, name, params, factory, doc, restorer);
    }

    /** A metric without params. */
    public static Component<NoParams> metric(String name, Metric metric, String doc) {
        return new Component<>(Kind.METRIC, name, NoParams.class, p -> metric, doc, null);
    }

    /** A data source component. */
    public static <P extends Record> Component<P> dataSource(String name, Class<P> params,
                                                             Function<P, ? extends DataSource> factory, String doc) {
        return new Component<>(Kind.DATA_SOURCE, name, params, factory, doc, null);
    }

    /**
     * A component of a kind that fits no model itself (a layer, optimizer, loss, schedule, …): its
     * factory's product is what a param marked {@link dev.grove.api.params.OfKind} receives.
     */
    public static <P extends Record> Component<P> of(Kind kind, String name, Class<P> params, Function<P, ?> factory,
                                                     String doc) {
        if (kind == Kind.ESTIMATOR || kind == Kind.TRANSFORMER) {
            throw new IllegalArgumentException("component '" + name + "': use estimator(...) or transformer(...) for a "
                    + kind.label() + ", which needs a restorer");
        }
        return new Component<>(kind, name, params, factory, doc, null);
    }

    /** Creates the component from validated params. */
    public Object create(P params) {
        return factory.apply(params);
    }
}
