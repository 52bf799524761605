package dev.grove.classical;

import dev.grove.api.model.Model;
import dev.grove.api.spi.Component;
import dev.grove.api.spi.Kind;
import java.util.Map;
import java.util.stream.Collectors;

/** The registration tests' shared access to the plugin's estimators, created and restored from params. */
final class Registered {

    private Registered() {
    }

    /** The estimator components the plugin registers, by name. */
    static Map<String, Component<?>> estimators() {
        return ClassicalPluginTest.registered().stream().filter(c -> c.kind() == Kind.ESTIMATOR)
                .collect(Collectors.toMap(Component::name, c -> c));
    }

    /** What {@code component}'s factory makes of {@code params} (which must be its params type). */
    @SuppressWarnings("unchecked")
    static <P extends Record> Object create(Component<P> component, Record params) {
        return component.create((P) params);
    }

    /** {@code model} rebuilt by {@code component}'s restorer from its params, schema and state. */
    @SuppressWarnings("unchecked")
    static <P extends Record> Model restore(Component<P> component, Record params, Model model) {
        return component.restorer().restore((P) params, model.schema(), model.state());
    }
}
