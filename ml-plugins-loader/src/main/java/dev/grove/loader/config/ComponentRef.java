package dev.grove.loader.config;

import dev.grove.api.spi.Component;
import java.util.Map;

/**
 * A component named in an experiment, with its params bound and validated.
 *
 * @param component the registered component
 * @param params    the params record built from the YAML (defaults filled in)
 * @param resolved  every param by its kebab-case key, defaults included: what config.yaml records
 */
public record ComponentRef(Component<?> component, Record params, Map<String, Object> resolved) {

    /** The component's name. */
    public String name() {
        return component.name();
    }

    /** Creates the component from the bound params. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object create() {
        return ((Component) component).create(params);
    }
}
